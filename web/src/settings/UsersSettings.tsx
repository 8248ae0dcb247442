// Users of the tenant: list, change role / branch / active, invite with a first password.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Space, Select, Switch, Table } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { api, type Id } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { InviteUserForm } from './InviteUserForm';
import { ROLES, type Branch, type User } from './settingsTypes';

export function UsersSettings() {
  const t = useT();
  const { message } = App.useApp();
  const [users, setUsers] = useState<User[]>([]);
  const [branches, setBranches] = useState<Branch[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const [u, b] = await Promise.all([
        api.get<{ items: User[] }>('/users'),
        api.get<{ items: Branch[] }>('/branches').catch(() => ({ items: [] as Branch[] })),
      ]);
      setUsers(u.items);
      setBranches(b.items);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setLoading(false);
    }
  }, [t]);

  useEffect(() => {
    reload();
  }, [reload]);

  const patch = async (id: Id, body: Partial<User>) => {
    try {
      const updated = await api.patch<User>(`/users/${id}`, body);
      setUsers((prev) => prev.map((u) => (String(u.id) === String(id) ? { ...u, ...body, ...(updated ?? {}) } : u)));
      message.success(t('common.saved'));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const branchOptions = [
    { value: '', label: t('user.noBranch') },
    ...branches.map((b) => ({ value: String(b.id), label: `${b.code} ${b.name}` })),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon message={error} />}
      <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="user-invite">
        {t('user.invite')}
      </Button>
      <Table<User>
        size="small"
        rowKey={(u) => String(u.id)}
        loading={loading}
        dataSource={users}
        pagination={false}
        data-testid="user-table"
        columns={[
          { key: 'name', dataIndex: 'name', title: t('user.name') },
          { key: 'email', dataIndex: 'email', title: t('user.email') },
          {
            key: 'role',
            title: t('user.role'),
            width: 180,
            render: (_, u) => (
              <Select value={u.role} options={roleOptions} style={{ width: 160 }} onChange={(role) => patch(u.id, { role })} />
            ),
          },
          {
            key: 'branch',
            title: t('user.branch'),
            width: 220,
            render: (_, u) => (
              <Select
                value={u.branch_id === null || u.branch_id === undefined ? '' : String(u.branch_id)}
                options={branchOptions}
                style={{ width: 200 }}
                onChange={(v) => patch(u.id, { branch_id: v === '' ? null : branches.find((b) => String(b.id) === v)?.id ?? v })}
              />
            ),
          },
          {
            key: 'active',
            title: t('user.active'),
            width: 80,
            render: (_, u) => <Switch checked={u.active} size="small" onChange={(active) => patch(u.id, { active })} />,
          },
        ]}
      />
      {inviting && (
        <InviteUserForm
          branches={branches}
          onClose={() => setInviting(false)}
          onCreated={() => {
            setInviting(false);
            reload();
          }}
        />
      )}
    </Space>
  );
}
