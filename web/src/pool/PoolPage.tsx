// The customer pool: unowned customers that reps browse and claim, within the company's limits.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Input, Space, Table, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, ApiError, type Id, type Page } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useI18n, type Translate } from '../shared/i18n';
import { listLabel, useLists } from '../shared/lists';
import { useDebounced } from '../shared/useDebounced';
import type { Party } from '../customers/party';

interface PoolParty extends Party {
  previous_owner_name?: string | null;
  released_at?: string | null;
}

/** The limit that refused a claim, in words: which rule, its number, and the server's own message. */
export function poolLimitText(err: unknown, t: Translate): string {
  if (!(err instanceof ApiError) || err.code !== 'pool_limit') return errorText(err, t);
  const field = err.fieldErrors[0];
  const rule = field?.code ?? '';
  const said = field?.message ?? '';
  // the number of the rule: "reclaim_block_days 30", else the first number of the server's sentence
  const n = (rule === 'reclaim_blocked' ? /reclaim_block_days (\d+)/.exec(said)?.[1] : /\d+/.exec(said)?.[0]) ?? '?';
  const ours =
    rule === 'claims_per_day'
      ? t('pool.limit.perDay', { n })
      : rule === 'max_customers_per_rep'
        ? t('pool.limit.total', { n })
        : rule === 'reclaim_blocked'
          ? t('pool.limit.reclaimBlocked', { n })
          : t('pool.limit.generic');
  const detail = err.problem.detail || said;
  return detail ? `${ours} (${detail})` : ours;
}

export function PoolPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { lists } = useLists();
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 250);
  const [items, setItems] = useState<PoolParty[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<Id[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      try {
        const page = await api.get<Page<PoolParty>>('/pool', { q: debouncedQ, cursor });
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.next_cursor ?? null);
      } catch (e) {
        setError(errorText(e, t));
      } finally {
        setLoading(false);
      }
    },
    [debouncedQ, t],
  );

  useEffect(() => {
    load(null);
  }, [load]);

  const claim = async (ids: Id[]) => {
    setError(null);
    try {
      const answer = await api.post<{ claimed?: Id[] } | Id[]>('/pool/claim', { party_ids: ids });
      const claimed = Array.isArray(answer) ? answer : (answer?.claimed ?? ids);
      message.success(t('pool.claimed', { n: claimed.length }));
      const gone = new Set(claimed.map(String));
      setItems((prev) => prev.filter((p) => !gone.has(String(p.id))));
      setSelected([]);
    } catch (e) {
      setError(poolLimitText(e, t));
    }
  };

  const dateTime = (v?: string | null) => (v ? new Date(v).toLocaleDateString(language) : '');

  return (
    <div>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('pool.title')}
        </Typography.Title>
        <Button type="primary" disabled={selected.length === 0} onClick={() => claim(selected)} data-testid="pool-claim-selected">
          {t('pool.claimSelected', { n: selected.length })}
        </Button>
      </Space>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('party.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ width: 340, marginBottom: 12 }}
        data-testid="pool-search"
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="pool-error" closable onClose={() => setError(null)} />}
      <Table<PoolParty>
        size="small"
        rowKey={(p) => String(p.id)}
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="pool-table"
        rowSelection={{ selectedRowKeys: selected.map(String), onChange: (keys) => setSelected(keys as Id[]) }}
        columns={[
          { key: 'code', dataIndex: 'code', title: t('party.code'), width: 110 },
          { key: 'name', title: t('party.name'), render: (_, p) => <Link to={`/customers/${p.id}`}>{p.name}</Link> },
          { key: 'level', title: t('party.level'), width: 90, render: (_, p) => listLabel(lists.levels, p.level) },
          { key: 'region', title: t('party.region'), render: (_, p) => listLabel(lists.regions, p.region) },
          { key: 'industry', title: t('party.industry'), render: (_, p) => listLabel(lists.industries, p.industry) },
          { key: 'last', title: t('party.lastContact'), width: 130, render: (_, p) => dateTime(p.last_contact_at) },
          { key: 'previous', dataIndex: 'previous_owner_name', title: t('pool.previousOwner'), width: 130 },
          {
            key: 'claim',
            width: 100,
            render: (_, p) => (
              <Button size="small" onClick={() => claim([p.id])} data-testid="pool-claim">
                {t('pool.claim')}
              </Button>
            ),
          },
        ]}
      />
      {nextCursor && (
        <Button style={{ marginTop: 12 }} onClick={() => load(nextCursor)} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </div>
  );
}
