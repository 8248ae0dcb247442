import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../shared/api';
import { applyProblem } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { useSession, type Session } from '../shared/session';
import { AuthFrame } from './AuthFrame';

export function SignInPage() {
  const t = useT();
  const [form] = Form.useForm();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const session = await api.post<Session>('/session', values, { quiet401: true });
      setSession(session);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/signin' ? from : '/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError(t('auth.invalidCredentials'));
      else if (e instanceof ApiError && e.status === 429) setError(t('auth.tooManyAttempts'));
      else setError(applyProblem(form, e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('auth.signInTitle')}>
      <Form name="signin" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="signin-error" />}
        <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, message: t('common.required') }]}>
          <Input type="email" autoComplete="username" autoFocus data-testid="signin-email" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" data-testid="signin-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="signin-submit">
          {t('auth.signIn')}
        </Button>
        <div style={{ marginTop: 16 }}>
          {t('auth.noAccount')}{' '}
          <Link to="/signup" data-testid="goto-signup">
            {t('auth.signUp')}
          </Link>
        </div>
      </Form>
    </AuthFrame>
  );
}
