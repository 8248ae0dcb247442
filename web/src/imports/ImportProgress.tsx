// Step 4: polls the import job every 300 ms, then shows what happened.
import { useEffect, useState } from 'react';
import { Alert, Button, Progress, Space, Statistic, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api, API_BASE, type Id } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import type { ImportJob, ImportKind } from './importTypes';

const POLL_MS = 300;

export function ImportProgress({ kind, jobId, onRestart }: { kind: ImportKind; jobId: Id; onRestart: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await api.get<ImportJob>(`/imports/${jobId}`);
        if (!live) return;
        setJob(j);
        if (j.status === 'queued' || j.status === 'running') timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        if (live) setError(errorText(e, t));
      }
    };
    poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [jobId, t]);

  const finished = job && (job.status === 'done' || job.status === 'failed');
  const percent = job && job.total > 0 ? Math.round((job.processed / job.total) * 100) : finished ? 100 : 0;
  const listPath = kind === 'customers' || kind === 'suppliers' || kind === 'products' ? `/${kind}` : null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {error && <Alert type="error" showIcon message={error} />}
      {job && (
        <>
          <Space>
            <span>{t('import.status')}:</span>
            <Tag color={job.status === 'done' ? 'green' : job.status === 'failed' ? 'red' : 'blue'} data-testid="import-status">
              {t(`import.status.${job.status}`)}
            </Tag>
            <span>
              {t('import.processed')}: {job.processed} / {job.total}
            </span>
          </Space>
          <Progress
            percent={percent}
            status={job.status === 'failed' ? 'exception' : finished ? 'success' : 'active'}
            data-testid="import-progress"
          />
          {job.error && <Alert type="error" showIcon message={job.error} />}
          {finished && (
            <Space size={48} data-testid="import-result">
              <Statistic title={t('import.created')} value={job.created} valueRender={(n) => <span data-testid="import-created">{n}</span>} />
              <Statistic title={t('import.updated')} value={job.updated} valueRender={(n) => <span data-testid="import-updated">{n}</span>} />
              <Statistic title={t('import.skipped')} value={job.skipped} valueRender={(n) => <span data-testid="import-skipped">{n}</span>} />
              <Statistic title={t('import.failed')} value={job.failed} valueRender={(n) => <span data-testid="import-failed">{n}</span>} />
            </Space>
          )}
          {finished && (
            <Space>
              {job.failed > 0 && (
                <Button icon={<DownloadOutlined />} href={`${API_BASE}/imports/${jobId}/failures.csv`} data-testid="import-failures">
                  {t('import.downloadFailures')}
                </Button>
              )}
              {listPath && (
                <Button type="primary" onClick={() => navigate(listPath)} data-testid="import-open-list">
                  {t('import.openList')}
                </Button>
              )}
              <Button onClick={onRestart}>{t('import.again')}</Button>
            </Space>
          )}
        </>
      )}
    </Space>
  );
}
