// Lists of values: levels, sources, industries, regions and activity types — add, rename, deactivate, reorder.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Segmented, Space, Switch, Table, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../shared/api';
import { applyProblem, errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { LIST_NAMES, useLists, type ListItem, type ListName } from '../shared/lists';
import { useSession } from '../shared/session';

export function ListsSettings() {
  const t = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const editable = can('settings.edit');
  const { lists, reload } = useLists();
  const [list, setList] = useState<ListName>('levels');
  const [form] = Form.useForm<{ code: string; label: string }>();
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; label: string } | null>(null);
  const items = lists[list];

  const patch = async (item: ListItem, body: Partial<ListItem>) => {
    setError(null);
    try {
      await api.patch(`/lists/${list}/${item.id}`, body, item.version);
      await reload();
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  const add = async (v: { code: string; label: string }) => {
    setError(null);
    try {
      await api.post(`/lists/${list}`, v);
      form.resetFields();
      message.success(t('common.created'));
      await reload();
    } catch (e) {
      setError(applyProblem(form, e, t));
    }
  };

  // swapping positions with the neighbour keeps every other item where it is
  const move = async (index: number, delta: -1 | 1) => {
    const a = items[index];
    const b = items[index + delta];
    if (!a || !b) return;
    setError(null);
    try {
      await api.patch(`/lists/${list}/${a.id}`, { position: b.position === a.position ? a.position + delta : b.position }, a.version);
      await api.patch(`/lists/${list}/${b.id}`, { position: a.position }, b.version);
      await reload();
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  const saveLabel = async (item: ListItem) => {
    if (editing && editing.label.trim() && editing.label !== item.label) await patch(item, { label: editing.label.trim() });
    setEditing(null);
  };

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 760 }}>
      <Segmented
        value={list}
        onChange={(v) => setList(v as ListName)}
        options={LIST_NAMES.map((n) => ({ value: n, label: t(`lists.${n}`) }))}
        data-testid="lists-choice"
      />
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      {editable && (
        <Form form={form} layout="inline" onFinish={add} name="list-item">
          <Form.Item name="code" rules={[{ required: true, message: t('common.required') }]}>
            <Input placeholder={t('lists.code')} style={{ width: 140 }} data-testid="list-code" />
          </Form.Item>
          <Form.Item name="label" rules={[{ required: true, message: t('common.required') }]}>
            <Input placeholder={t('lists.label')} style={{ width: 240 }} data-testid="list-label" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="list-add">
            {t('common.add')}
          </Button>
        </Form>
      )}
      <Table<ListItem>
        size="small"
        rowKey={(i) => String(i.id)}
        dataSource={items}
        pagination={false}
        data-testid="list-table"
        columns={[
          { key: 'code', dataIndex: 'code', title: t('lists.code'), width: 140 },
          {
            key: 'label',
            title: t('lists.label'),
            render: (_, item) =>
              editing?.id === String(item.id) ? (
                <Input
                  size="small"
                  autoFocus
                  value={editing.label}
                  onChange={(e) => setEditing({ id: String(item.id), label: e.target.value })}
                  onPressEnter={() => saveLabel(item)}
                  onBlur={() => saveLabel(item)}
                  onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                />
              ) : (
                <Typography.Text
                  type={item.active ? undefined : 'secondary'}
                  onClick={() => editable && setEditing({ id: String(item.id), label: item.label })}
                  style={{ cursor: editable ? 'text' : undefined }}
                  title={editable ? t('lists.clickToRename') : undefined}
                >
                  {item.label}
                </Typography.Text>
              ),
          },
          {
            key: 'active',
            title: t('lists.active'),
            width: 90,
            render: (_, item) => <Switch size="small" checked={item.active} disabled={!editable} onChange={(active) => patch(item, { active })} />,
          },
          {
            key: 'order',
            width: 90,
            render: (_v, _item, index) =>
              editable && (
                <Space size={0}>
                  <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('lists.up')} />
                  <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label={t('lists.down')} />
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
}
