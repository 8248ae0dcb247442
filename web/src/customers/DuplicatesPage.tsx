// Every likely pair of duplicate customers in the company; merging keeps one and moves everything to it.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, type Id } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { useReasonLabel } from './DuplicateWarning';

interface Side {
  id: Id;
  name: string;
  code?: string | null;
  owner_name?: string | null;
}

interface Pair {
  a: Side;
  b: Side;
  reasons: string[];
  score: number;
}

export function DuplicatesPage() {
  const t = useT();
  const { message } = App.useApp();
  const reasonLabel = useReasonLabel();
  const [pairs, setPairs] = useState<Pair[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [merging, setMerging] = useState<{ from: Side; into: Side } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setPairs((await api.get<{ items: Pair[] }>('/duplicates', { limit: 200 })).items ?? []);
      setError(null);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setLoading(false);
    }
  }, [t]);

  useEffect(() => {
    load();
  }, [load]);

  const merge = async () => {
    if (!merging) return;
    setBusy(true);
    try {
      await api.post(`/customers/${merging.from.id}/merge`, { into_id: merging.into.id });
      message.success(t('duplicates.merged', { from: merging.from.name, into: merging.into.name }));
      const gone = String(merging.from.id);
      setPairs((prev) => prev.filter((p) => String(p.a.id) !== gone && String(p.b.id) !== gone));
      setMerging(null);
      load();
    } catch (e) {
      setError(errorText(e, t));
      setMerging(null);
    } finally {
      setBusy(false);
    }
  };

  const side = (s: Side) => (
    <Space direction="vertical" size={0}>
      <Link to={`/customers/${s.id}`}>{s.name}</Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[s.code, s.owner_name].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Space>
  );

  return (
    <div>
      <Space style={{ marginBottom: 12 }} align="baseline">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('duplicates.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('duplicates.hint')}</Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="duplicates-error" />}
      <Table<Pair>
        size="small"
        loading={loading}
        dataSource={pairs}
        rowKey={(p) => `${p.a.id}-${p.b.id}`}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="duplicates-table"
        columns={[
          { key: 'a', title: 'A', render: (_, p) => side(p.a) },
          { key: 'b', title: 'B', render: (_, p) => side(p.b) },
          {
            key: 'reasons',
            title: t('duplicates.reasons'),
            render: (_, p) => p.reasons.map((r) => <Tag key={r}>{reasonLabel(r)}</Tag>),
          },
          { key: 'score', dataIndex: 'score', title: t('duplicates.score'), width: 80, render: (s: number) => `${s}%` },
          {
            key: 'merge',
            width: 260,
            render: (_, p) => (
              <Space>
                <Button size="small" onClick={() => setMerging({ from: p.b, into: p.a })} data-testid="merge-b-into-a">
                  {t('duplicates.keep', { name: 'A' })}
                </Button>
                <Button size="small" onClick={() => setMerging({ from: p.a, into: p.b })} data-testid="merge-a-into-b">
                  {t('duplicates.keep', { name: 'B' })}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {merging && (
        <Modal
          open
          title={t('duplicates.confirmTitle')}
          onCancel={() => setMerging(null)}
          onOk={merge}
          confirmLoading={busy}
          okText={t('duplicates.merge')}
          okButtonProps={{ danger: true, 'data-testid': 'merge-confirm' }}
          cancelText={t('common.cancel')}
        >
          <Typography.Paragraph>
            {t('duplicates.confirmText', { from: merging.from.name, into: merging.into.name })}
          </Typography.Paragraph>
        </Modal>
      )}
    </div>
  );
}
