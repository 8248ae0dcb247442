// Who changed what on a customer, newest first: field, old value → new value.
import { useEffect, useState } from 'react';
import { Alert, Table, Typography } from 'antd';
import { api, type Id } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useI18n } from '../shared/i18n';
import type { MessageKey } from '../shared/messages';

interface AuditEntry {
  id?: Id;
  at: string;
  user_name?: string | null;
  action: string;
  entity?: string;
  entity_id?: Id;
  field?: string | null;
  from?: unknown;
  to?: unknown;
  note?: string | null;
}

const ACTIONS = ['created', 'updated', 'merged', 'transferred', 'contact_added', 'contact_updated', 'contact_removed', 'released', 'claimed'];

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function AuditTab({ partyId }: { partyId: Id }) {
  const { t, language } = useI18n();
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .get<{ items: AuditEntry[] }>(`/customers/${partyId}/audit`)
      .then((answer) => setItems(answer.items ?? []))
      .catch((e) => setError(errorText(e, t)))
      .finally(() => setLoading(false));
  }, [partyId, t]);

  const action = (a: string) => (ACTIONS.includes(a) ? t(`audit.action.${a}` as MessageKey) : a);

  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Table<AuditEntry>
        size="small"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowKey={(e) => `${e.id ?? ''}:${e.at}:${e.field ?? e.action}`}
        data-testid="audit-table"
        columns={[
          { key: 'at', title: t('audit.when'), width: 170, render: (_, e) => new Date(e.at).toLocaleString(language) },
          { key: 'user', dataIndex: 'user_name', title: t('audit.who'), width: 120 },
          { key: 'action', title: t('audit.action'), width: 120, render: (_, e) => action(e.action) },
          { key: 'field', title: t('audit.field'), width: 140, render: (_, e) => [e.entity !== 'party' ? e.entity : '', e.field].filter(Boolean).join(' · ') },
          {
            key: 'change',
            title: t('audit.change'),
            render: (_, e) =>
              e.field ? (
                <span>
                  <Typography.Text delete type="secondary">{show(e.from)}</Typography.Text> → <Typography.Text>{show(e.to)}</Typography.Text>
                </span>
              ) : (
                e.note ?? null
              ),
          },
        ]}
      />
    </>
  );
}
