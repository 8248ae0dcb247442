import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { api } from '../shared/api';
import { applyProblem } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { ROLES, type Branch } from './settingsTypes';

interface Values {
  email: string;
  name: string;
  password: string;
  role: string;
  branch_id: string;
}

/** Invite: the admin sets the new user's first password. */
export function InviteUserForm({ branches, onClose, onCreated }: { branches: Branch[]; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const branch = branches.find((b) => String(b.id) === v.branch_id);
      await api.post('/users', { ...v, branch_id: branch ? branch.id : null });
      message.success(t('common.created'));
      onCreated();
    } catch (e) {
      setError(applyProblem(form, e, t));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('common.required') }];

  return (
    <Modal
      open
      title={t('user.invite')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'invite-save' }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<Values> name="invite" form={form} layout="vertical" onFinish={save} initialValues={{ role: 'sales_rep', branch_id: '' }}>
        <Form.Item name="email" label={t('user.email')} rules={[...required, { type: 'email', message: t('auth.invalidEmail') }]}>
          <Input autoFocus data-testid="invite-email" />
        </Form.Item>
        <Form.Item name="name" label={t('user.name')} rules={required}>
          <Input data-testid="invite-name" />
        </Form.Item>
        <Form.Item name="password" label={t('user.firstPassword')} rules={[...required, { min: 8, message: t('auth.passwordTooShort') }]}>
          <Input.Password autoComplete="new-password" data-testid="invite-password" />
        </Form.Item>
        <Form.Item name="role" label={t('user.role')}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="branch_id" label={t('user.branch')}>
          <Select
            options={[{ value: '', label: t('user.noBranch') }, ...branches.map((b) => ({ value: String(b.id), label: `${b.code} ${b.name}` }))]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
