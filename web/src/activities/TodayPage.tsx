// Today: who to contact today and tomorrow, who is overdue, who has gone quiet. Keyboard: ↑/↓ (or k/j)
// choose a row, Enter or L logs a contact for it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Card, DatePicker, Empty, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { CalendarOutlined, PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useI18n } from '../shared/i18n';
import { listLabel, useLists } from '../shared/lists';
import type { MessageKey } from '../shared/messages';
import { useReminderCounts } from '../shared/reminderCounts';
import { QuickLogForm } from './QuickLogForm';
import type { Reminder, Reminders } from './activity';

const KNOWN_GROUPS = ['today', 'tomorrow', 'overdue', 'dormant', 'pool_warning'];
const KNOWN_FIELDS = new Set([
  'kind', 'group', 'party_id', 'party_name', 'owner_id', 'owner_name', 'level', 'due_date', 'days_overdue',
  'days_since_contact', 'last_contact_at',
]);

const rowKey = (r: Reminder) => `${r.group}:${r.kind}:${r.party_id ?? ''}:${r.id ?? ''}:${r.due_date ?? ''}`;

export function TodayPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { lists } = useLists();
  const { setCounts } = useReminderCounts();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [data, setData] = useState<Reminders | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [logging, setLogging] = useState<Reminder | null>(null);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const answer = await api.get<Reminders>('/reminders', { as_of: asOf ? asOf.format('YYYY-MM-DD') : undefined });
      setData(answer);
      setError(null);
      if (!asOf) setCounts(answer.counts);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setLoading(false);
    }
  }, [asOf, setCounts, t]);

  useEffect(() => {
    load();
  }, [load]);

  const groups = useMemo(() => {
    const items = data?.items ?? [];
    const names = [...KNOWN_GROUPS, ...new Set(items.map((i) => i.group).filter((g) => !KNOWN_GROUPS.includes(g)))];
    return names.map((name) => ({ name, rows: items.filter((i) => i.group === name) }));
  }, [data]);
  const flat = useMemo(() => groups.flatMap((g) => g.rows), [groups]);
  const current = flat[Math.min(selected, flat.length - 1)];

  // ↑/↓ or k/j move the selection, Enter or L logs a contact for the selected customer
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (logging || e.ctrlKey || e.metaKey || e.altKey) return;
      if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable) return;
      if (e.key === 'ArrowDown' || e.key === 'j') {
        e.preventDefault();
        setSelected((s) => Math.min(s + 1, Math.max(flat.length - 1, 0)));
      } else if (e.key === 'ArrowUp' || e.key === 'k') {
        e.preventDefault();
        setSelected((s) => Math.max(s - 1, 0));
      } else if ((e.key === 'l' || e.key === 'L' || (e.key === 'Enter' && target.tagName !== 'BUTTON' && target.tagName !== 'A')) && current?.party_id !== undefined) {
        e.preventDefault();
        setLogging(current);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flat.length, current, logging]);

  const onLogged = () => {
    const done = logging;
    setLogging(null);
    message.success(t('activity.logged'));
    if (done && data) {
      // the customer leaves every contact group at once; the server's answer follows
      const items = data.items.filter((i) => !(i.kind === 'contact' && String(i.party_id) === String(done.party_id)));
      setData({ ...data, items });
    }
    load();
  };

  const openFeed = async () => {
    try {
      const answer = await api.get<{ url: string }>('/calendar/token');
      setFeedUrl(answer.url.startsWith('/') ? `${window.location.origin}${answer.url}` : answer.url);
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const date = (v?: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : '');
  const dateTime = (v?: string | null) => (v ? new Date(v).toLocaleString(language) : '');
  const groupLabel = (g: string) => (KNOWN_GROUPS.includes(g) ? t(`today.group.${g}` as MessageKey) : g);

  const when = (r: Reminder) => {
    if (r.group === 'overdue') return t('today.daysOverdue', { n: r.days_overdue ?? 0 });
    if (r.group === 'dormant') {
      return r.days_since_contact !== null && r.days_since_contact !== undefined
        ? t('today.daysSinceContact', { n: r.days_since_contact })
        : t('today.neverContacted');
    }
    return date(r.due_date);
  };

  const details = (r: Reminder) =>
    Object.entries(r)
      .filter(([k, v]) => !KNOWN_FIELDS.has(k) && v !== null && v !== undefined && typeof v !== 'object')
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(' · ');

  return (
    <div data-testid="today-page">
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('today.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="today-as-of">
            {data?.as_of}
          </Typography.Text>
        </Space>
        <Space>
          <DatePicker value={asOf} onChange={setAsOf} placeholder={t('today.asOf')} format="YYYY-MM-DD" allowClear />
          <Button icon={<ReloadOutlined />} onClick={load} aria-label={t('today.refresh')} />
          <Button icon={<CalendarOutlined />} onClick={openFeed} data-testid="calendar-feed">
            {t('today.calendarFeed')}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('today.keyboardHint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="today-error" />}
      <Spin spinning={loading && !data}>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {groups.map(({ name, rows }) => (
            <Card
              key={name}
              size="small"
              data-testid={`today-group-${name}`}
              title={
                <Space>
                  <span>{groupLabel(name)}</span>
                  <Badge
                    count={data?.counts?.[name] ?? rows.length}
                    showZero
                    color={name === 'overdue' ? 'red' : name === 'today' ? 'blue' : 'gray'}
                    data-testid={`today-count-${name}`}
                  />
                </Space>
              }
            >
              {rows.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('today.nothing')} style={{ margin: 0 }} />
              ) : (
                <Table<Reminder>
                  size="small"
                  pagination={false}
                  rowKey={rowKey}
                  dataSource={rows}
                  onRow={(r) => ({
                    onClick: () => setSelected(flat.indexOf(r)),
                    style: r === current ? { background: '#e6f4ff' } : undefined,
                    'data-testid': 'today-row',
                  } as React.HTMLAttributes<HTMLElement>)}
                  columns={[
                    {
                      key: 'party',
                      title: t('today.customer'),
                      render: (_, r) => (
                        <Space size={4}>
                          {r.kind !== 'contact' && <Tag>{r.kind}</Tag>}
                          {r.party_id !== undefined ? (
                            <Link to={`/customers/${r.party_id}`} data-testid="today-party">
                              {r.party_name}
                            </Link>
                          ) : (
                            r.party_name
                          )}
                        </Space>
                      ),
                    },
                    { key: 'owner', dataIndex: 'owner_name', title: t('party.owner'), width: 140 },
                    { key: 'level', title: t('party.level'), width: 90, render: (_, r) => listLabel(lists.levels, r.level) },
                    { key: 'when', title: t('today.when'), width: 150, render: (_, r) => <span data-testid="today-when">{when(r)}</span> },
                    { key: 'last', title: t('today.lastContact'), width: 180, render: (_, r) => dateTime(r.last_contact_at) },
                    ...(rows.some((r) => r.kind !== 'contact')
                      ? [{ key: 'details', title: t('today.details'), render: (_: unknown, r: Reminder) => details(r) }]
                      : []),
                    {
                      key: 'action',
                      width: 130,
                      render: (_, r) =>
                        r.party_id !== undefined && (
                          <Button size="small" icon={<PhoneOutlined />} onClick={() => setLogging(r)} data-testid="today-log">
                            {t('today.logContact')}
                          </Button>
                        ),
                    },
                  ]}
                />
              )}
            </Card>
          ))}
        </Space>
      </Spin>
      {logging && (
        <Modal
          open
          width={640}
          title={t('today.logContactFor', { name: logging.party_name ?? '' })}
          onCancel={() => setLogging(null)}
          footer={null}
          destroyOnClose
        >
          <QuickLogForm partyId={logging.party_id!} onLogged={onLogged} onCancel={() => setLogging(null)} />
        </Modal>
      )}
      {feedUrl && (
        <Modal open title={t('today.calendarFeed')} onCancel={() => setFeedUrl(null)} footer={null}>
          <Typography.Paragraph>{t('today.calendarFeedHint')}</Typography.Paragraph>
          <Typography.Paragraph copyable code data-testid="calendar-url">
            {feedUrl}
          </Typography.Paragraph>
        </Modal>
      )}
    </div>
  );
}
