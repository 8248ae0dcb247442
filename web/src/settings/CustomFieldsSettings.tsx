// Custom fields per entity (customer, contact, product): code, label, type, choices, required, order.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Segmented, Select, Space, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../shared/api';
import { applyProblem, errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { useSession } from '../shared/session';
import {
  CUSTOM_FIELD_ENTITIES,
  CUSTOM_FIELD_TYPES,
  fetchCustomFields,
  type CustomFieldDef,
  type CustomFieldEntity,
} from '../shared/customFields';

type Values = Pick<CustomFieldDef, 'code' | 'label' | 'type' | 'options' | 'required' | 'position'>;

export function CustomFieldsSettings() {
  const t = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const editable = can('settings.edit');
  const [entity, setEntity] = useState<CustomFieldEntity>('customer');
  const [items, setItems] = useState<CustomFieldDef[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<CustomFieldDef | 'new' | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems(await fetchCustomFields(entity));
      setError(null);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setLoading(false);
    }
  }, [entity, t]);

  useEffect(() => {
    load();
  }, [load]);

  const remove = async (def: CustomFieldDef) => {
    try {
      await api.del(`/custom-fields/${def.id}`, def.version);
      message.success(t('common.deleted'));
      load();
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 900 }}>
      <Space>
        <Segmented value={entity} onChange={(v) => setEntity(v as CustomFieldEntity)} options={CUSTOM_FIELD_ENTITIES.map((e) => ({ value: e, label: t(`customField.entity.${e}`) }))} />
        {editable && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="custom-field-add">
            {t('customField.new')}
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      <Table<CustomFieldDef>
        size="small"
        rowKey={(d) => String(d.id)}
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="custom-field-table"
        columns={[
          { key: 'position', dataIndex: 'position', title: '#', width: 50 },
          { key: 'code', dataIndex: 'code', title: t('lists.code'), width: 140 },
          { key: 'label', dataIndex: 'label', title: t('lists.label') },
          { key: 'type', title: t('customField.type'), width: 130, render: (_, d) => t(`customField.type.${d.type}`) },
          { key: 'options', title: t('customField.options'), render: (_, d) => (d.options ?? []).map((o) => <Tag key={o}>{o}</Tag>) },
          { key: 'required', title: t('customField.required'), width: 80, render: (_, d) => (d.required ? t('common.yes') : '') },
          {
            key: 'actions',
            width: 90,
            render: (_, d) =>
              editable && (
                <Space size={0}>
                  <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(d)} aria-label={t('common.edit')} />
                  <Popconfirm title={t('customField.confirmDelete')} onConfirm={() => remove(d)} okText={t('common.yes')} cancelText={t('common.no')}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {editing && (
        <CustomFieldModal
          entity={entity}
          def={editing === 'new' ? null : editing}
          nextPosition={items.reduce((m, d) => Math.max(m, d.position), 0) + 1}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </Space>
  );
}

function CustomFieldModal({ entity, def, nextPosition, onClose, onSaved }: { entity: CustomFieldEntity; def: CustomFieldDef | null; nextPosition: number; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      const body = { ...v, options: v.type === 'choice' || v.type === 'multi_choice' ? (v.options ?? []) : [] };
      if (def) await api.patch(`/custom-fields/${def.id}`, body, def.version);
      else await api.post('/custom-fields', { ...body, entity });
      onSaved();
    } catch (e) {
      setError(applyProblem(form, e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={def ? t('customField.edit') : t('customField.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'custom-field-save' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={def ?? { code: '', label: '', type: 'text', options: [], required: false, position: nextPosition }}
      >
        <Space>
          <Form.Item name="code" label={t('lists.code')} rules={[{ required: true, message: t('common.required') }]}>
            <Input disabled={!!def} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="label" label={t('lists.label')} rules={[{ required: true, message: t('common.required') }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="type" label={t('customField.type')}>
            <Select style={{ width: 170 }} options={CUSTOM_FIELD_TYPES.map((ty) => ({ value: ty, label: t(`customField.type.${ty}`) }))} />
          </Form.Item>
          <Form.Item name="position" label={t('customField.position')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="required" valuePropName="checked" label=" ">
            <Checkbox>{t('customField.required')}</Checkbox>
          </Form.Item>
        </Space>
        {(type === 'choice' || type === 'multi_choice') && (
          <Form.Item name="options" label={t('customField.options')} rules={[{ required: true, message: t('common.required') }]} extra={t('customField.optionsHint')}>
            <Select mode="tags" tokenSeparators={[',']} open={false} suffixIcon={null} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
