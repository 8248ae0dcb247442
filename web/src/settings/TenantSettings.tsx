// The company's name, currency, time zone and default language.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Spin } from 'antd';
import { api, ApiError } from '../shared/api';
import { applyProblem, errorText } from '../shared/formErrors';
import { LANGUAGES, useT } from '../shared/i18n';
import { CURRENCIES, timeZones } from '../shared/money';
import { useSession } from '../shared/session';
import type { Tenant } from './settingsTypes';

export function TenantSettings() {
  const t = useT();
  const { message } = App.useApp();
  const { session, setSession } = useSession();
  const [form] = Form.useForm<Tenant>();
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z })), []);

  const show = (tn: Tenant) => {
    setTenant(tn);
    form.setFieldsValue(tn);
  };

  useEffect(() => {
    api
      .get<Tenant>('/tenant')
      .then(show)
      .catch((e) => setError(errorText(e, t)));
  }, []);

  const save = async (v: Tenant) => {
    setSaving(true);
    setError(null);
    try {
      const body = { name: v.name, currency: v.currency, timezone: v.timezone, locale: v.locale };
      const updated = await api.patch<Tenant>('/tenant', body, tenant?.version);
      show(updated);
      if (session) setSession({ ...session, tenant: { ...session.tenant, ...updated } });
      message.success(t('common.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setError(t('common.versionConflict'));
        api.get<Tenant>('/tenant').then(show);
      } else setError(applyProblem(form, e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Spin spinning={!tenant && !error}>
      <Form<Tenant> name="tenant" form={form} layout="vertical" onFinish={save} style={{ maxWidth: 480 }}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="name" label={t('settings.companyName')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="tenant-name-input" />
        </Form.Item>
        <Form.Item name="currency" label={t('auth.currency')}>
          <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="timezone" label={t('auth.timezone')}>
          <Select showSearch options={zones} />
        </Form.Item>
        <Form.Item name="locale" label={t('auth.locale')}>
          <Select options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="tenant-save">
          {t('common.save')}
        </Button>
      </Form>
    </Spin>
  );
}
