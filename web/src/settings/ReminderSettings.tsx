// When a customer counts as dormant: days without contact, per customer level, with a default.
import { useEffect, useState } from 'react';
import { Alert, App, Button, InputNumber, Space, Spin, Table } from 'antd';
import { api } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { useLists } from '../shared/lists';
import { useSession } from '../shared/session';

export function ReminderSettings() {
  const t = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const { lists } = useLists();
  const [days, setDays] = useState<Record<string, number | null>>({});
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api
      .get<{ dormant_days: Record<string, number> }>('/settings/reminders')
      .then((s) => setDays(s.dormant_days ?? {}))
      .catch((e) => setError(errorText(e, t)))
      .finally(() => setLoaded(true));
  }, [t]);

  // the levels of the tenant's list, any level the setting already names, and the default
  const levels = [...new Set([...lists.levels.map((l) => l.code), ...Object.keys(days).filter((k) => k !== 'default')])];
  const rows = [...levels.map((code) => ({ code, label: lists.levels.find((l) => l.code === code)?.label ?? code })), { code: 'default', label: t('reminderSettings.default') }];

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const dormant_days = Object.fromEntries(Object.entries(days).filter(([, v]) => v !== null && v !== undefined));
      const answer = await api.patch<{ dormant_days: Record<string, number> }>('/settings/reminders', { dormant_days });
      setDays(answer?.dormant_days ?? dormant_days);
      message.success(t('common.saved'));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Spin spinning={!loaded}>
      <Space direction="vertical" style={{ maxWidth: 480, width: '100%' }}>
        {error && <Alert type="error" showIcon message={error} />}
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={rows}
          columns={[
            { key: 'level', dataIndex: 'label', title: t('party.level') },
            {
              key: 'days',
              title: t('reminderSettings.dormantDays'),
              width: 200,
              render: (_, r) => (
                <InputNumber
                  min={1}
                  value={days[r.code] ?? null}
                  onChange={(v) => setDays((d) => ({ ...d, [r.code]: v }))}
                  data-testid={`dormant-days-${r.code}`}
                />
              ),
            },
          ]}
        />
        <Button type="primary" onClick={save} loading={saving} disabled={!can('settings.edit')}>
          {t('common.save')}
        </Button>
      </Space>
    </Spin>
  );
}
