// Branches: the list and a one-line form to add one.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../shared/api';
import { applyProblem, errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import type { Branch } from './settingsTypes';

export function BranchesSettings() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; code: string }>();
  const [items, setItems] = useState<Branch[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setItems((await api.get<{ items: Branch[] }>('/branches')).items);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setLoading(false);
    }
  }, [t]);

  useEffect(() => {
    reload();
  }, [reload]);

  const add = async (v: { name: string; code: string }) => {
    setError(null);
    try {
      await api.post<Branch>('/branches', v);
      message.success(t('common.created'));
      form.resetFields();
      reload();
    } catch (e) {
      setError(applyProblem(form, e, t));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
      {error && <Alert type="error" showIcon message={error} />}
      <Form name="branch" form={form} layout="inline" onFinish={add}>
        <Form.Item name="code" rules={[{ required: true, message: t('common.required') }]}>
          <Input placeholder={t('branch.code')} style={{ width: 120 }} data-testid="branch-code" />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, message: t('common.required') }]}>
          <Input placeholder={t('branch.name')} style={{ width: 240 }} data-testid="branch-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="branch-add">
          {t('branch.new')}
        </Button>
      </Form>
      <Table<Branch>
        size="small"
        rowKey={(b) => String(b.id)}
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="branch-table"
        columns={[
          { key: 'code', dataIndex: 'code', title: t('branch.code'), width: 140 },
          { key: 'name', dataIndex: 'name', title: t('branch.name') },
        ]}
      />
    </Space>
  );
}
