// Products: search, category / active filters, server sort, keyset paging, and the product form.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Input, Select, Space, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, type Page } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useI18n } from '../shared/i18n';
import { currencyDigits, formatDecimalText } from '../shared/money';
import { useSignedIn } from '../shared/session';
import { useDebounced } from '../shared/useDebounced';
import { ProductForm } from './ProductForm';
import type { Product } from './product';

const SORTABLE = new Set(['code', 'name', 'created_at', 'updated_at']);

export function ProductsPage() {
  const { t, language } = useI18n();
  const session = useSignedIn();
  const priceDigits = currencyDigits(session.tenant.currency);
  const price = (value?: string) => formatDecimalText(value, priceDigits, language);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id: openId } = useParams();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('true');
  const [sort, setSort] = useState('code');
  const [items, setItems] = useState<Product[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const seqRef = useRef(0);

  const dq = useDebounced(q.trim(), 250);
  const dCategory = useDebounced(category.trim(), 250);
  const query = useMemo(() => ({ q: dq, category: dCategory, active, sort, limit: 50 }), [dq, dCategory, active, sort]);

  const load = useCallback(
    async (cursor: string | null) => {
      const seq = ++seqRef.current;
      setLoading(true);
      try {
        const page = await api.get<Page<Product>>('/products', { ...query, cursor });
        if (seq !== seqRef.current) return;
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.next_cursor ?? null);
      } catch (e) {
        if (seq === seqRef.current) message.error(errorText(e, t));
      } finally {
        if (seq === seqRef.current) setLoading(false);
      }
    },
    [query, message, t],
  );

  useEffect(() => {
    load(null);
  }, [load]);

  const order = (key: string) => (sort === key ? ('ascend' as const) : sort === `-${key}` ? ('descend' as const) : null);
  const sortable = (key: string) =>
    SORTABLE.has(key) ? { sorter: true, sortOrder: order(key), sortDirections: ['ascend' as const, 'descend' as const] } : {};

  const onChange = (_p: unknown, _f: unknown, sorter: SorterResult<Product> | SorterResult<Product>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey ? String(s.columnKey) : '';
    setSort(!key || !s.order ? 'code' : s.order === 'descend' ? `-${key}` : key);
  };

  const upsert = (p: Product) =>
    setItems((prev) => {
      const i = prev.findIndex((x) => String(x.id) === String(p.id));
      if (i < 0) return [p, ...prev];
      const copy = prev.slice();
      copy[i] = p;
      return copy;
    });

  return (
    <div>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('product.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/products/new')} data-testid="product-new">
          {t('product.new')}
        </Button>
      </Space>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input
          allowClear
          autoFocus
          prefix={<SearchOutlined />}
          placeholder={t('product.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 300 }}
          data-testid="product-search"
        />
        <Input
          allowClear
          placeholder={t('product.category')}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          style={{ width: 160 }}
          data-testid="filter-category"
        />
        <Select
          value={active}
          onChange={setActive}
          style={{ width: 130 }}
          data-testid="filter-active"
          options={[
            { value: 'true', label: t('product.active') },
            { value: 'false', label: t('product.inactive') },
            { value: '', label: t('common.all') },
          ]}
        />
      </Space>
      <Table<Product>
        size="small"
        rowKey={(p) => String(p.id)}
        dataSource={items}
        loading={loading}
        pagination={false}
        onChange={onChange}
        data-testid="product-table"
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'code', dataIndex: 'code', title: t('product.code'), width: 120, ...sortable('code') },
          {
            key: 'name',
            dataIndex: 'name',
            title: t('product.name'),
            ...sortable('name'),
            render: (name: string, p) => (
              <Link to={`/products/${p.id}`} data-testid="product-name">
                {name}
              </Link>
            ),
          },
          { key: 'specification', dataIndex: 'specification', title: t('product.specification') },
          { key: 'unit', dataIndex: 'unit', title: t('product.unit'), width: 70 },
          { key: 'category', dataIndex: 'category', title: t('product.category') },
          { key: 'unit_price', dataIndex: 'unit_price', title: t('product.unitPrice'), align: 'right', render: price },
          { key: 'cost', dataIndex: 'cost', title: t('product.cost'), align: 'right', render: price },
          { key: 'tax_rate', dataIndex: 'tax_rate', title: t('product.taxRate'), align: 'right', width: 90 },
          {
            key: 'active',
            dataIndex: 'active',
            title: t('product.active'),
            width: 80,
            render: (a?: boolean) => (a === false ? t('common.no') : t('common.yes')),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <span>{t('common.rowsShown', { n: items.length })}</span>
        {nextCursor && (
          <Button onClick={() => load(nextCursor)} loading={loading} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        )}
      </Space>
      {openId && (
        <ProductForm
          key={openId}
          id={openId === 'new' ? null : openId}
          onClose={() => navigate('/products')}
          onSaved={(p) => {
            upsert(p);
            navigate('/products');
          }}
        />
      )}
    </div>
  );
}
