// The search box in the header: customers, suppliers and contacts as you type, by any part of a name or
// code, phone digits, e-mail, Korean initial consonants or pinyin. Ctrl+K or "/" focuses it, Enter opens.
import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input, Space, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api, type Id } from '../shared/api';
import { useT } from '../shared/i18n';
import type { MessageKey } from '../shared/messages';
import { useDebounced } from '../shared/useDebounced';

export interface SearchHit {
  type: 'customer' | 'supplier' | 'contact' | string;
  id: Id;
  party_id?: Id | null;
  name: string;
  code?: string | null;
  owner_id?: Id | null;
  owner_name?: string | null;
  match?: string;
  matched?: string;
}

const TYPE_COLORS: Record<string, string> = { customer: 'blue', supplier: 'purple', contact: 'green' };

export function hitPath(hit: SearchHit): string {
  if (hit.type === 'supplier') return `/suppliers/${hit.id}`;
  if (hit.type === 'contact') return `/customers/${hit.party_id ?? hit.id}`;
  return `/customers/${hit.id}`;
}

export function GlobalSearch() {
  const t = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const seq = useRef(0);
  const debounced = useDebounced(q.trim(), 200);

  useEffect(() => {
    if (!debounced) {
      setHits([]);
      return;
    }
    const mine = ++seq.current;
    api
      .get<{ items: SearchHit[] }>('/search', { q: debounced, limit: 20 })
      .then((answer) => mine === seq.current && setHits(answer.items ?? []))
      .catch(() => mine === seq.current && setHits([]));
  }, [debounced]);

  // Ctrl+K anywhere, "/" outside text fields
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable;
      if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      } else if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const typeLabel = (type: string) =>
    ['customer', 'supplier', 'contact'].includes(type) ? t(`search.type.${type}` as MessageKey) : type;

  const options = hits.map((hit) => ({
    value: `${hit.type}:${hit.id}`,
    label: (
      <Space size={6} data-testid="search-hit" style={{ width: '100%' }}>
        <Tag color={TYPE_COLORS[hit.type]} style={{ marginInlineEnd: 0 }} data-testid="search-hit-type">
          {typeLabel(hit.type)}
        </Tag>
        <span data-testid="search-hit-name">{hit.name}</span>
        {hit.code && <Typography.Text type="secondary">{hit.code}</Typography.Text>}
        {hit.owner_name && (
          <Typography.Text type="secondary" data-testid="search-hit-owner">
            · {hit.owner_name}
          </Typography.Text>
        )}
      </Space>
    ),
  }));

  const onSelect = (value: string) => {
    const hit = hits.find((h) => `${h.type}:${h.id}` === value);
    if (!hit) return;
    navigate(hitPath(hit));
    setQ('');
    setHits([]);
    setOpen(false);
    inputRef.current?.blur();
  };

  return (
    <AutoComplete
      value={q}
      options={options}
      onSearch={setQ}
      onSelect={onSelect}
      open={open && options.length > 0}
      onOpenChange={setOpen}
      defaultActiveFirstOption
      popupMatchSelectWidth={480}
      style={{ width: 360 }}
      data-testid="global-search"
    >
      <Input
        ref={(el) => {
          inputRef.current = el?.input ?? null;
        }}
        prefix={<SearchOutlined />}
        suffix={<Typography.Text type="secondary" style={{ fontSize: 11 }}>Ctrl K</Typography.Text>}
        placeholder={t('search.placeholder')}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') inputRef.current?.blur();
        }}
        data-testid="global-search-input"
        allowClear
      />
    </AutoComplete>
  );
}
