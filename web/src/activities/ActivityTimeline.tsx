// A customer's contact history, newest first, with a type filter and the quick-log form on top.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Select, Space, Tag, Timeline, Typography } from 'antd';
import { api, type Id, type Page } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useI18n } from '../shared/i18n';
import { QuickLogForm } from './QuickLogForm';
import { useActivityTypes, type Activity } from './activity';

interface Props {
  partyId: Id;
  canLog: boolean;
  onLogged?: () => void;
}

export function ActivityTimeline({ partyId, canLog, onLogged }: Props) {
  const { t, language } = useI18n();
  const types = useActivityTypes();
  const [type, setType] = useState<string>('');
  const [items, setItems] = useState<Activity[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      try {
        const page = await api.get<Page<Activity>>(`/customers/${partyId}/activities`, { type, cursor });
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.next_cursor ?? null);
        setError(null);
      } catch (e) {
        setError(errorText(e, t));
      } finally {
        setLoading(false);
      }
    },
    [partyId, type, t],
  );

  useEffect(() => {
    load(null);
  }, [load]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canLog && (
        <Card size="small" title={t('activity.quickLog')}>
          <QuickLogForm
            partyId={partyId}
            autoFocus={false}
            onLogged={() => {
              load(null);
              onLogged?.();
            }}
          />
        </Card>
      )}
      <Space>
        <span>{t('activity.type')}:</span>
        <Select
          value={type}
          onChange={setType}
          style={{ width: 180 }}
          data-testid="timeline-type-filter"
          options={[{ value: '', label: t('common.all') }, ...types.options]}
        />
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {items.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activity.none')} />
      ) : (
        <Timeline
          data-testid="activity-timeline"
          items={items.map((a) => ({
            key: String(a.id),
            children: (
              <div data-testid="activity-item">
                <Space size={6} wrap>
                  <Typography.Text strong>{new Date(a.occurred_at).toLocaleString(language)}</Typography.Text>
                  <Tag data-testid="activity-type">{types.label(a.type)}</Tag>
                  {a.employee_name && <Typography.Text type="secondary">{a.employee_name}</Typography.Text>}
                  {a.contact_name && <Typography.Text type="secondary">→ {a.contact_name}</Typography.Text>}
                  {a.duration_minutes ? <Typography.Text type="secondary">{t('activity.minutes', { n: a.duration_minutes })}</Typography.Text> : null}
                </Space>
                {a.subject && <div data-testid="activity-subject">{a.subject}</div>}
                {a.content && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} type="secondary">
                    {a.content}
                  </Typography.Paragraph>
                )}
                {(a.outcome || a.next_contact_date) && (
                  <Space size={12}>
                    {a.outcome && <span>{t('activity.outcome')}: {a.outcome}</span>}
                    {a.next_contact_date && <span>{t('activity.nextContactDate')}: {a.next_contact_date}</span>}
                  </Space>
                )}
              </div>
            ),
          }))}
        />
      )}
      {nextCursor && (
        <Button onClick={() => load(nextCursor)} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Space>
  );
}
