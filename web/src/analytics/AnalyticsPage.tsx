// Contact analysis: activities per employee per period by type, customers by days since the last contact,
// and visits per region; each a chart, a table and an XLSX export. Loaded on demand with ECharts.
import { useCallback, useState } from 'react';
import { DatePicker, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import { useT } from '../shared/i18n';
import type { MessageKey } from '../shared/messages';
import { BUILTIN_ACTIVITY_TYPES, useActivityTypes } from '../activities/activity';
import { ReportSection, seriesOf, type ReportTable } from './ReportSection';

const KNOWN_COLUMNS = ['employee', 'type', 'period', 'region', 'visits', 'customers', 'bucket', 'count', 'total', 'activities', 'never'];

type Range = [Dayjs, Dayjs];

function bar(table: ReportTable, label: (k: string) => string, stacked: boolean): EChartsCoreOption {
  const { x, series } = seriesOf(table, label);
  return {
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { type: 'scroll' } : undefined,
    grid: { left: 40, right: 16, top: series.length > 1 ? 36 : 16, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: x },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, stack: stacked ? 'total' : undefined })),
  };
}

function pie(table: ReportTable, label: (k: string) => string): EChartsCoreOption {
  const { x, series } = seriesOf(table, label);
  const values = series[0]?.data ?? [];
  return {
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', orient: 'vertical', right: 0 },
    series: [{ type: 'pie', radius: ['35%', '70%'], data: x.map((name, i) => ({ name, value: values[i] ?? 0 })) }],
  };
}

export function AnalyticsPage() {
  const t = useT();
  const types = useActivityTypes();
  const [activityRange, setActivityRange] = useState<Range>([dayjs().subtract(29, 'day'), dayjs()]);
  const [group, setGroup] = useState<'employee' | 'type'>('employee');
  const [period, setPeriod] = useState<'day' | 'week' | 'month'>('week');
  const [visitRange, setVisitRange] = useState<Range>([dayjs().subtract(89, 'day'), dayjs()]);
  const [visitChart, setVisitChart] = useState<'bar' | 'pie'>('bar');

  const label = useCallback(
    (key: string) => {
      if (KNOWN_COLUMNS.includes(key)) return t(`analytics.column.${key}` as MessageKey);
      if ((BUILTIN_ACTIVITY_TYPES as readonly string[]).includes(key)) return types.label(key);
      return key;
    },
    [t, types],
  );
  const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

  const rangePicker = (value: Range, onChange: (r: Range) => void) => (
    <DatePicker.RangePicker
      value={value}
      allowClear={false}
      format="YYYY-MM-DD"
      onChange={(r) => r && r[0] && r[1] && onChange([r[0], r[1]])}
    />
  );

  const activitiesChart = useCallback((tb: ReportTable) => bar(tb, label, true), [label]);
  const lastContactChart = useCallback((tb: ReportTable) => bar(tb, label, false), [label]);
  const visitsChart = useCallback((tb: ReportTable) => (visitChart === 'pie' ? pie(tb, label) : bar(tb, label, false)), [label, visitChart]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('analytics.title')}
      </Typography.Title>
      <ReportSection
        title={t('analytics.activities')}
        path="/analytics/activities"
        query={{ from: iso(activityRange[0]), to: iso(activityRange[1]), group, period }}
        label={label}
        chart={activitiesChart}
        testId="report-activities"
        filters={
          <>
            {rangePicker(activityRange, setActivityRange)}
            <Select
              value={group}
              onChange={setGroup}
              style={{ width: 150 }}
              options={[
                { value: 'employee', label: t('analytics.byEmployee') },
                { value: 'type', label: t('analytics.byType') },
              ]}
            />
            <Radio.Group
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              optionType="button"
              size="small"
              options={(['day', 'week', 'month'] as const).map((p) => ({ value: p, label: t(`analytics.period.${p}`) }))}
            />
          </>
        }
      />
      <ReportSection
        title={t('analytics.lastContact')}
        path="/analytics/last-contact"
        query={{}}
        label={label}
        chart={lastContactChart}
        testId="report-last-contact"
      />
      <ReportSection
        title={t('analytics.visitsByRegion')}
        path="/analytics/visits-by-region"
        query={{ from: iso(visitRange[0]), to: iso(visitRange[1]) }}
        label={label}
        chart={visitsChart}
        testId="report-visits"
        filters={
          <>
            {rangePicker(visitRange, setVisitRange)}
            <Radio.Group
              value={visitChart}
              onChange={(e) => setVisitChart(e.target.value)}
              optionType="button"
              size="small"
              options={[
                { value: 'bar', label: t('analytics.chart.bar') },
                { value: 'pie', label: t('analytics.chart.pie') },
              ]}
            />
          </>
        }
      />
    </Space>
  );
}
