// Rules of the customer pool: when customers return to it, the warning before, and the claim limits.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, InputNumber, Space, Spin, Switch } from 'antd';
import { api } from '../shared/api';
import { applyProblem, errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { useSession } from '../shared/session';

interface PoolRules {
  enabled: boolean;
  days_without_contact: number | null;
  days_without_order: number | null;
  warn_days_before: number | null;
  claims_per_day: number | null;
  max_customers_per_rep: number | null;
  reclaim_block_days: number | null;
}

const NUMBERS = ['days_without_contact', 'days_without_order', 'warn_days_before', 'claims_per_day', 'max_customers_per_rep', 'reclaim_block_days'] as const;

export function PoolSettings() {
  const t = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const [form] = Form.useForm<PoolRules>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api
      .get<PoolRules>('/settings/pool')
      .then((rules) => form.setFieldsValue(rules))
      .catch((e) => setError(errorText(e, t)))
      .finally(() => setLoaded(true));
  }, [form, t]);

  const save = async (v: PoolRules) => {
    setSaving(true);
    setError(null);
    try {
      form.setFieldsValue(await api.patch<PoolRules>('/settings/pool', v));
      message.success(t('common.saved'));
    } catch (e) {
      setError(applyProblem(form, e, t));
    } finally {
      setSaving(false);
    }
  };

  const runNow = async () => {
    try {
      const answer = await api.post<{ returned: number; warned: number }>('/settings/pool/run', {});
      message.success(t('poolRules.ran', { returned: answer.returned, warned: answer.warned }));
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <Spin spinning={!loaded}>
      <Form<PoolRules> form={form} layout="horizontal" labelCol={{ span: 12 }} wrapperCol={{ span: 12 }} onFinish={save} style={{ maxWidth: 560 }} name="pool-rules">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="enabled" label={t('poolRules.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {NUMBERS.map((key) => (
          <Form.Item key={key} name={key} label={t(`poolRules.${key}`)}>
            <InputNumber min={0} style={{ width: 120 }} />
          </Form.Item>
        ))}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} disabled={!can('settings.edit')}>
            {t('common.save')}
          </Button>
          <Button onClick={runNow} disabled={!can('settings.edit')}>
            {t('poolRules.runNow')}
          </Button>
        </Space>
      </Form>
    </Spin>
  );
}
