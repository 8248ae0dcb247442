import { useMemo, useState } from 'react';
import { Alert, Button, Form, Input, Select } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../shared/api';
import { applyProblem } from '../shared/formErrors';
import { LANGUAGES, useI18n } from '../shared/i18n';
import { browserTimeZone, CURRENCIES, timeZones } from '../shared/money';
import { useSession, type Session } from '../shared/session';
import { AuthFrame } from './AuthFrame';

interface SignUpValues {
  company_name: string;
  currency: string;
  timezone: string;
  locale: string;
  name: string;
  email: string;
  password: string;
}

const DEFAULT_CURRENCY: Record<string, string> = { ko: 'KRW', 'zh-CN': 'CNY', en: 'USD' };

export function SignUpPage() {
  const { t, language } = useI18n();
  const [form] = Form.useForm<SignUpValues>();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z })), []);

  const submit = async (values: SignUpValues) => {
    setBusy(true);
    setError(null);
    try {
      const session = await api.post<Session>('/signup', values);
      setSession(session);
      navigate('/', { replace: true });
    } catch (e) {
      setError(applyProblem(form, e, t));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('common.required') }];

  return (
    <AuthFrame title={t('auth.signUpTitle')}>
      <Form<SignUpValues>
        name="signup"
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ currency: DEFAULT_CURRENCY[language], timezone: browserTimeZone(), locale: language }}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="signup-error" />}
        <Form.Item name="company_name" label={t('auth.companyName')} rules={required}>
          <Input autoFocus data-testid="signup-company" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="currency" label={t('auth.currency')} rules={required} style={{ width: 110 }}>
            <Select data-testid="signup-currency" options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="timezone" label={t('auth.timezone')} rules={required} style={{ flex: 1 }}>
            <Select data-testid="signup-timezone" showSearch options={zones} />
          </Form.Item>
          <Form.Item name="locale" label={t('auth.locale')} rules={required} style={{ width: 110 }}>
            <Select data-testid="signup-locale" options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))} />
          </Form.Item>
        </div>
        <Form.Item name="name" label={t('auth.name')} rules={required}>
          <Input autoComplete="name" data-testid="signup-name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('auth.email')}
          rules={[...required, { type: 'email', message: t('auth.invalidEmail') }]}
        >
          <Input type="email" autoComplete="username" data-testid="signup-email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[...required, { min: 8, message: t('auth.passwordTooShort') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="signup-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="signup-submit">
          {t('auth.signUp')}
        </Button>
        <div style={{ marginTop: 16 }}>
          {t('auth.haveAccount')}{' '}
          <Link to="/signin" data-testid="goto-signin">
            {t('auth.signIn')}
          </Link>
        </div>
      </Form>
    </AuthFrame>
  );
}
