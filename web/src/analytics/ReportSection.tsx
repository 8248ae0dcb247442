// One analysis: its filters, an ECharts chart and the same numbers as a table, with an XLSX export.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { EChartsCoreOption } from 'echarts/core';
import { api, buildUrl, type Query } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { EChart } from './EChart';

export type Column = string | { key: string; label?: string; type?: string };
export type Cell = string | number | null;

export interface ReportTable {
  columns: Column[];
  rows: Cell[][];
  totals?: Cell[] | Record<string, Cell> | number | null;
}

export const columnKey = (c: Column) => (typeof c === 'string' ? c : c.key);

/** A report's rows turned into x-axis categories and numeric series (long tables are pivoted). */
export function seriesOf(table: ReportTable, label: (key: string) => string) {
  const keys = table.columns.map(columnKey);
  const numeric = table.columns.map(
    (c, i) =>
      (typeof c !== 'string' && c.type === 'number') ||
      (table.rows.length > 0 && table.rows.every((r) => r[i] === null || typeof r[i] === 'number')),
  );
  const categoryIdx = keys.map((_, i) => i).filter((i) => !numeric[i]);
  const valueIdx = keys.map((_, i) => i).filter((i) => numeric[i] && keys[i] !== 'total');
  const text = (v: Cell) => label(String(v ?? ''));

  // long format (…, series, value): the last text column becomes the series
  if (valueIdx.length === 1 && categoryIdx.length >= 2) {
    const seriesCol = categoryIdx[categoryIdx.length - 1];
    const xCols = categoryIdx.slice(0, -1);
    const x: string[] = [];
    const names: string[] = [];
    const values = new Map<string, Map<string, number>>();
    for (const r of table.rows) {
      const xv = xCols.map((i) => text(r[i])).join(' · ');
      const sv = text(r[seriesCol]);
      if (!x.includes(xv)) x.push(xv);
      if (!names.includes(sv)) names.push(sv);
      const m = values.get(sv) ?? new Map<string, number>();
      m.set(xv, (m.get(xv) ?? 0) + Number(r[valueIdx[0]] ?? 0));
      values.set(sv, m);
    }
    return { x, series: names.map((n) => ({ name: n, data: x.map((xv) => values.get(n)?.get(xv) ?? 0) })) };
  }
  const x = table.rows.map((r) => categoryIdx.map((i) => text(r[i])).join(' · '));
  return { x, series: valueIdx.map((i) => ({ name: label(keys[i]), data: table.rows.map((r) => Number(r[i] ?? 0)) })) };
}

interface Props {
  title: string;
  path: string;
  query: Query;
  filters?: ReactNode;
  chart: (table: ReportTable) => EChartsCoreOption;
  label: (key: string) => string;
  testId: string;
}

export function ReportSection({ title, path, query, filters, chart, label, testId }: Props) {
  const t = useT();
  const [table, setTable] = useState<ReportTable | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .get<ReportTable>(path, JSON.parse(queryKey) as Query)
      .then((answer) => {
        if (!live) return;
        setTable(answer);
        setError(null);
      })
      .catch((e) => live && setError(errorText(e, t)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, queryKey, t]);

  const option = useMemo(() => (table && table.rows.length > 0 ? chart(table) : null), [table, chart]);

  const keys = table ? table.columns.map(columnKey) : [];
  // our own translation for the columns we know, else the server's label, else the key
  const columnTitle = (c: Column) => {
    const key = columnKey(c);
    const ours = label(key);
    return ours !== key || typeof c === 'string' ? ours : (c.label ?? key);
  };
  const totalsRow: Cell[] | null = !table?.totals
    ? null
    : Array.isArray(table.totals)
      ? table.totals
      : typeof table.totals === 'object'
        ? keys.map((k) => (table.totals as Record<string, Cell>)[k] ?? null)
        : null;

  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        <Button size="small" icon={<DownloadOutlined />} href={buildUrl(path, { ...query, format: 'xlsx' })} download data-testid={`${testId}-xlsx`}>
          {t('analytics.exportXlsx')}
        </Button>
      }
    >
      {filters && <Space style={{ marginBottom: 8 }} wrap>{filters}</Space>}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      {option && <EChart option={option} testId={`${testId}-chart`} />}
      <Table<{ key: number; cells: Cell[] }>
        size="small"
        loading={loading}
        dataSource={(table?.rows ?? []).map((cells, key) => ({ key, cells }))}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={(table?.columns ?? []).map((c, i) => ({
          key: columnKey(c),
          title: columnTitle(c),
          align: table?.rows.every((r) => typeof r[i] === 'number' || r[i] === null) ? ('right' as const) : undefined,
          render: (_: unknown, { cells }: { cells: Cell[] }) => (typeof cells[i] === 'number' ? cells[i] : label(String(cells[i] ?? ''))),
        }))}
        summary={() =>
          totalsRow ? (
            <Table.Summary.Row>
              {totalsRow.map((v, i) => (
                <Table.Summary.Cell key={i} index={i} align={typeof v === 'number' ? 'right' : undefined}>
                  <strong>{i === 0 && (v === null || v === '') ? t('analytics.total') : (v ?? '')}</strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
