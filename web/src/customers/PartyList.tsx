// Customers or suppliers: search as you type, server sort, filters, keyset "load more", column chooser.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, buildUrl, type Page } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useI18n } from '../shared/i18n';
import { useSession, useSignedIn } from '../shared/session';
import { useDebounced } from '../shared/useDebounced';
import { useStoredState } from '../shared/useStoredState';
import { ColumnChooser } from '../shared/ColumnChooser';
import { ListSelect } from '../shared/ListSelect';
import { listLabel, useLists } from '../shared/lists';
import { PartyCard } from './PartyCard';
import type { Party, PartyKind } from './party';

const PAGE_SIZE = 50;
const SORTABLE = new Set(['name', 'code', 'created_at', 'updated_at']);
const DEFAULT_COLUMNS = ['code', 'name', 'contact_name', 'phone', 'email', 'level', 'region', 'industry', 'owner_name', 'last_contact_at'];

interface Filters {
  level: string;
  region: string;
  industry: string;
  archived: 'false' | 'true' | 'all';
}

export function PartyList({ kind }: { kind: PartyKind }) {
  const { t, language } = useI18n();
  const session = useSignedIn();
  const { can } = useSession();
  const { lists } = useLists();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id: openId } = useParams();

  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Filters>({ level: '', region: '', industry: '', archived: 'false' });
  const [sort, setSort] = useState('name');
  const [items, setItems] = useState<Party[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [visible, setVisible] = useStoredState<string[]>(
    `rapport.columns.${session.user.id}.${kind}`,
    DEFAULT_COLUMNS,
  );
  const searchRef = useRef<HTMLInputElement | null>(null);
  const requestSeq = useRef(0);

  const debouncedQ = useDebounced(q.trim(), 250);
  const debouncedFilters = useDebounced(filters, 250);

  const query = useMemo(
    () => ({
      q: debouncedQ,
      sort,
      limit: PAGE_SIZE,
      level: debouncedFilters.level.trim(),
      region: debouncedFilters.region.trim(),
      industry: debouncedFilters.industry.trim(),
      archived: debouncedFilters.archived,
    }),
    [debouncedQ, sort, debouncedFilters],
  );

  const load = useCallback(
    async (cursor: string | null) => {
      const seq = ++requestSeq.current;
      setLoading(true);
      try {
        const page = await api.get<Page<Party>>(`/${kind}`, { ...query, cursor });
        if (seq !== requestSeq.current) return; // a newer search superseded this one
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.next_cursor ?? null);
      } catch (e) {
        if (seq === requestSeq.current) message.error(errorText(e, t));
      } finally {
        if (seq === requestSeq.current) setLoading(false);
      }
    },
    [kind, query, message, t],
  );

  useEffect(() => {
    load(null);
  }, [load]);

  const sortOrder = (key: string) =>
    sort === key ? ('ascend' as const) : sort === `-${key}` ? ('descend' as const) : null;

  const dateTime = (v?: string) => (v ? new Date(v).toLocaleString(language) : '');

  const allColumns: ColumnsType<Party> = [
    { key: 'code', dataIndex: 'code', title: t('party.code'), width: 110 },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('party.name'),
      render: (name: string, p) => (
        <Link to={`/${kind}/${p.id}`} data-testid="party-name">
          {name}
        </Link>
      ),
    },
    { key: 'contact_name', dataIndex: 'contact_name', title: t('party.contactName') },
    { key: 'phone', title: t('party.phone'), render: (_, p) => p.phones?.[0]?.number ?? '' },
    { key: 'email', title: t('party.email'), render: (_, p) => p.emails?.[0]?.address ?? '' },
    { key: 'level', dataIndex: 'level', title: t('party.level'), width: 80, render: (v?: string) => listLabel(lists.levels, v) },
    { key: 'region', dataIndex: 'region', title: t('party.region'), render: (v?: string) => listLabel(lists.regions, v) },
    { key: 'industry', dataIndex: 'industry', title: t('party.industry'), render: (v?: string) => listLabel(lists.industries, v) },
    { key: 'last_contact_at', dataIndex: 'last_contact_at', title: t('party.lastContact'), render: dateTime },
    { key: 'next_contact_date', dataIndex: 'next_contact_date', title: t('party.nextContact') },
    { key: 'owner_name', dataIndex: 'owner_name', title: t('party.owner') },
    {
      key: 'tags',
      dataIndex: 'tags',
      title: t('party.tags'),
      render: (tags?: string[]) => tags?.map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    { key: 'created_at', dataIndex: 'created_at', title: t('party.createdAt'), render: dateTime },
    { key: 'updated_at', dataIndex: 'updated_at', title: t('party.updatedAt'), render: dateTime },
    {
      key: 'archived',
      dataIndex: 'archived',
      title: t('party.archived'),
      render: (a?: boolean) => (a ? t('common.yes') : ''),
    },
  ];
  const columns = allColumns
    .filter((c) => visible.includes(String(c.key)))
    .map((c) =>
      SORTABLE.has(String(c.key))
        ? { ...c, sorter: true, sortOrder: sortOrder(String(c.key)), sortDirections: ['ascend' as const, 'descend' as const] }
        : c,
    );

  const onTableChange = (_p: unknown, _f: unknown, sorter: SorterResult<Party> | SorterResult<Party>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey ? String(s.columnKey) : '';
    if (!key || !s.order) setSort('name');
    else setSort(s.order === 'descend' ? `-${key}` : key);
  };

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  const onSaved = (party: Party) => {
    setItems((prev) => {
      const i = prev.findIndex((p) => String(p.id) === String(party.id));
      if (i < 0) return [party, ...prev];
      const copy = prev.slice();
      copy[i] = { ...copy[i], ...party };
      return copy;
    });
  };
  const onDeleted = (id: string) => setItems((prev) => prev.filter((p) => String(p.id) !== id));

  return (
    <div>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {kind === 'customers' ? t('party.customers') : t('party.suppliers')}
        </Typography.Title>
        <Space>
          {can(`${kind}.export`) && (
            <Button
              icon={<DownloadOutlined />}
              href={buildUrl(`/${kind}/export`, {
                q: query.q,
                level: query.level,
                region: query.region,
                industry: query.industry,
                archived: query.archived,
                format: 'xlsx',
              })}
              download
              data-testid="party-export"
            >
              {t('analytics.exportXlsx')}
            </Button>
          )}
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate(`/${kind}/new`)}
            data-testid="party-new"
          >
            {kind === 'customers' ? t('party.newCustomer') : t('party.newSupplier')}
          </Button>
        </Space>
      </Space>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input
          ref={(el) => {
            searchRef.current = el?.input ?? null;
          }}
          allowClear
          autoFocus
          prefix={<SearchOutlined />}
          placeholder={t('party.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 340 }}
          data-testid="party-search"
        />
        <ListSelect
          list="levels"
          placeholder={t('party.level')}
          value={filters.level}
          onChange={(v) => setFilter('level', v)}
          style={{ width: 120 }}
          testId="filter-level"
        />
        <ListSelect
          list="regions"
          placeholder={t('party.region')}
          value={filters.region}
          onChange={(v) => setFilter('region', v)}
          style={{ width: 160 }}
          testId="filter-region"
        />
        <ListSelect
          list="industries"
          placeholder={t('party.industry')}
          value={filters.industry}
          onChange={(v) => setFilter('industry', v)}
          style={{ width: 160 }}
          testId="filter-industry"
        />
        <Select
          aria-label={t('party.filter.archived')}
          value={filters.archived}
          onChange={(v) => setFilter('archived', v)}
          style={{ width: 110 }}
          data-testid="filter-archived"
          options={[
            { value: 'false', label: t('party.filter.active') },
            { value: 'true', label: t('party.filter.archivedOnly') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        <ColumnChooser
          columns={allColumns.map((c) => ({ key: String(c.key), title: String(c.title) }))}
          visible={visible}
          onChange={setVisible}
        />
      </Space>
      <Table<Party>
        data-testid="party-table"
        size="small"
        rowKey={(p) => String(p.id)}
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        onChange={onTableChange}
        onRow={(p) => ({ onDoubleClick: () => navigate(`/${kind}/${p.id}`) })}
        scroll={{ x: 'max-content' }}
      />
      <Space style={{ marginTop: 12 }}>
        <span data-testid="rows-shown">{t('common.rowsShown', { n: items.length })}</span>
        {nextCursor ? (
          <Button onClick={() => load(nextCursor)} loading={loading} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        ) : (
          items.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </Space>
      {openId && (
        <PartyCard
          key={openId}
          kind={kind}
          id={openId === 'new' ? null : openId}
          onClose={() => navigate(`/${kind}`)}
          onSaved={(p, created) => {
            onSaved(p);
            if (created) navigate(`/${kind}/${p.id}`, { replace: true });
          }}
          onDeleted={(id) => {
            onDeleted(id);
            navigate(`/${kind}`);
          }}
        />
      )}
    </div>
  );
}
