// The owner of a customer: the history of owners, transfer to another rep (managers) and release to the pool.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { api, type Id } from '../shared/api';
import { applyProblem, errorText } from '../shared/formErrors';
import { useI18n } from '../shared/i18n';
import { useSession, useSignedIn } from '../shared/session';
import type { User } from '../settings/settingsTypes';
import type { Party } from './party';

interface OwnerPeriod {
  owner_id: Id | null;
  owner_name?: string | null;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  by_user_name?: string | null;
}

interface Props {
  party: Party;
  onChanged: () => void;
}

export function OwnerTab({ party, onChanged }: Props) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const session = useSignedIn();
  const { can } = useSession();
  const [history, setHistory] = useState<OwnerPeriod[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [transferring, setTransferring] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<{ items: OwnerPeriod[] }>(`/customers/${party.id}/owners`)
      .then((answer) => setHistory(answer.items ?? []))
      .catch((e) => setError(errorText(e, t)))
      .finally(() => setLoading(false));
  }, [party.id, t]);

  useEffect(load, [load]);

  const release = async () => {
    try {
      await api.post(`/customers/${party.id}/release`, {});
      message.success(t('owner.released'));
      onChanged();
      load();
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  const mine = party.owner_id !== null && party.owner_id !== undefined && String(party.owner_id) === String(session.user.id);
  const canTransfer = can('customers.transfer');
  const date = (v?: string | null) => (v ? new Date(v).toLocaleDateString(language) : '');

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <span>
          {t('party.owner')}: <Typography.Text strong data-testid="owner-current">{party.owner_name || t('owner.pool')}</Typography.Text>
        </span>
        {canTransfer && (
          <Button onClick={() => setTransferring(true)} data-testid="owner-transfer">
            {t('owner.transfer')}
          </Button>
        )}
        {party.owner_id && (mine || canTransfer) && (
          <Popconfirm title={t('owner.releaseConfirm')} onConfirm={release} okText={t('common.yes')} cancelText={t('common.no')}>
            <Button data-testid="owner-release">{t('owner.release')}</Button>
          </Popconfirm>
        )}
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      <Table<OwnerPeriod>
        size="small"
        loading={loading}
        dataSource={history}
        pagination={false}
        rowKey={(h) => `${h.from ?? ''}:${h.owner_id ?? 'pool'}`}
        data-testid="owner-history"
        columns={[
          { key: 'owner', title: t('party.owner'), render: (_, h) => h.owner_name || t('owner.pool') },
          { key: 'from', title: t('owner.from'), width: 120, render: (_, h) => date(h.from) },
          { key: 'to', title: t('owner.to'), width: 120, render: (_, h) => date(h.to) },
          { key: 'reason', dataIndex: 'reason', title: t('owner.reason') },
          { key: 'by', dataIndex: 'by_user_name', title: t('owner.by'), width: 120 },
        ]}
      />
      {transferring && (
        <TransferModal
          partyIds={[party.id]}
          onClose={() => setTransferring(false)}
          onDone={() => {
            setTransferring(false);
            onChanged();
            load();
          }}
        />
      )}
    </Space>
  );
}

/** Hands one or many customers to another user, with a reason. */
export function TransferModal({ partyIds, onClose, onDone }: { partyIds: Id[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ to_owner_id: Id; reason: string }>();
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api
      .get<{ items: User[] }>('/users')
      .then((answer) => setUsers((answer.items ?? []).filter((u) => u.active !== false)))
      .catch((e) => setError(errorText(e, t)));
  }, [t]);

  const save = async (v: { to_owner_id: Id; reason: string }) => {
    setSaving(true);
    try {
      const answer = await api.post<{ transferred: number }>('/customers/transfer', { party_ids: partyIds, ...v });
      message.success(t('owner.transferred', { n: answer?.transferred ?? partyIds.length }));
      onDone();
    } catch (e) {
      setError(applyProblem(form, e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('owner.transfer')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} okText={t('owner.transfer')} cancelText={t('common.cancel')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="to_owner_id" label={t('owner.newOwner')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            autoFocus
            data-testid="transfer-to"
            options={users.map((u) => ({ value: u.id, label: `${u.name || u.email} (${u.email})` }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('owner.reason')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="transfer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
