// Step 3: dry run — counts, problems per row, a preview of the values — then start the import.
import { useEffect, useState } from 'react';
import { Alert, Button, Space, Spin, Statistic, Table } from 'antd';
import { api, type Id } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import type { ImportSettings } from './ImportWizard';
import type { DryRunResult, ImportKind, UploadedFile } from './importTypes';

interface Props {
  kind: ImportKind;
  file: UploadedFile;
  settings: ImportSettings;
  onBack: () => void;
  onStarted: (id: Id) => void;
}

export function DryRunStep({ kind, file, settings, onBack, onStarted }: Props) {
  const t = useT();
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  const body = { file_id: file.id, kind, ...settings };

  useEffect(() => {
    let live = true;
    api
      .post<DryRunResult>('/imports/dry-run', body)
      .then((r) => live && setResult(r))
      .catch((e) => live && setError(errorText(e, t)));
    return () => {
      live = false;
    };
    // runs once when the step opens
  }, []);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const job = await api.post<{ id: Id; status: string }>('/imports', body);
      onStarted(job.id);
    } catch (e) {
      setError(errorText(e, t));
      setStarting(false);
    }
  };

  const fieldsInPreview = result ? [...new Set(result.preview.flatMap((p) => Object.keys(p.values)))] : [];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {error && <Alert type="error" showIcon message={error} data-testid="import-check-error" />}
      <Spin spinning={!result && !error}>
        {result && (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Space size={48}>
              <Statistic title={t('import.total')} value={result.total} valueRender={(n) => <span data-testid="dry-total">{n}</span>} />
              <Statistic title={t('import.valid')} value={result.valid} valueRender={(n) => <span data-testid="dry-valid">{n}</span>} />
              <Statistic
                title={t('import.invalid')}
                value={result.invalid}
                valueStyle={result.invalid ? { color: '#cf1322' } : undefined}
                valueRender={(n) => <span data-testid="dry-invalid">{n}</span>}
              />
            </Space>
            {result.problems.length === 0 ? (
              <Alert type="success" showIcon message={t('import.noProblems')} />
            ) : (
              <Table
                size="small"
                title={() => t('import.problems')}
                data-testid="dry-problems"
                rowKey={(_, i) => String(i)}
                dataSource={result.problems}
                pagination={{ pageSize: 20, size: 'small' }}
                columns={[
                  { key: 'row', dataIndex: 'row', title: t('import.row'), width: 80 },
                  { key: 'field', dataIndex: 'field', title: t('import.field'), width: 180 },
                  { key: 'message', dataIndex: 'message', title: t('import.message') },
                ]}
              />
            )}
            {result.preview.length > 0 && (
              <Table
                size="small"
                title={() => t('import.preview')}
                rowKey={(p) => String(p.row)}
                dataSource={result.preview}
                pagination={false}
                scroll={{ x: 'max-content' }}
                columns={[
                  { key: 'row', dataIndex: 'row', title: t('import.row'), width: 60 },
                  ...fieldsInPreview.map((f) => ({
                    key: f,
                    title: f,
                    render: (_: unknown, p: DryRunResult['preview'][number]) => {
                      const v = p.values[f];
                      return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
                    },
                  })),
                ]}
              />
            )}
          </Space>
        )}
      </Spin>
      <Space>
        <Button onClick={onBack}>{t('common.back')}</Button>
        <Button type="primary" disabled={!result || result.valid === 0} loading={starting} onClick={start} data-testid="import-start">
          {t('import.start')}
        </Button>
      </Space>
    </Space>
  );
}
