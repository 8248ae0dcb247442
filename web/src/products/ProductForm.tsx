// Modal form for one product (create, or PATCH with If-Match).
import { useEffect, useState } from 'react';
import { Alert, App, Col, Form, Input, Modal, Row, Spin, Switch } from 'antd';
import { api, ApiError } from '../shared/api';
import { applyProblem, errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import type { Product } from './product';

interface Props {
  id: string | null;
  onClose: () => void;
  onSaved: (p: Product) => void;
}

type Values = Omit<Product, 'id' | 'version' | 'created_at' | 'updated_at'>;

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function ProductForm({ id, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [product, setProduct] = useState<Product | null>(null);
  const [loading, setLoading] = useState(id !== null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const show = (p: Product) => {
    setProduct(p);
    form.setFieldsValue({ ...p });
  };

  useEffect(() => {
    if (id === null) {
      form.setFieldsValue({ active: true, tax_rate: '10', unit_price: '0', cost: '0' });
      return;
    }
    api
      .get<Product>(`/products/${id}`)
      .then(show)
      .catch((e) => setError(errorText(e, t)))
      .finally(() => setLoading(false));
  }, [id]);

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const saved =
        id === null ? await api.post<Product>('/products', v) : await api.patch<Product>(`/products/${id}`, v, product?.version);
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setError(t('common.versionConflict'));
        const current = e.problem.current as Product | undefined;
        if (current) show(current);
        else api.get<Product>(`/products/${id}`).then(show);
      } else {
        setError(applyProblem(form, e, t));
      }
    } finally {
      setSaving(false);
    }
  };

  const decimalRule = { pattern: DECIMAL, message: t('common.decimal') };

  return (
    <Modal
      open
      width={640}
      title={id === null ? t('product.new') : t('product.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'product-save' }}
    >
      <Spin spinning={loading}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form<Values> name="product" form={form} layout="vertical" size="small" onFinish={save}>
          <Row gutter={8}>
            <Col span={8}>
              <Form.Item name="code" label={t('product.code')} rules={[{ required: true, message: t('common.required') }]}>
                <Input autoFocus data-testid="product-code" />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="name" label={t('product.name')} rules={[{ required: true, message: t('common.required') }]}>
                <Input data-testid="product-name-input" />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="specification" label={t('product.specification')}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="unit" label={t('product.unit')}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="category" label={t('product.category')}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="active" label={t('product.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="unit_price" label={t('product.unitPrice')} rules={[decimalRule]}>
                <Input style={{ textAlign: 'right' }} data-testid="product-price" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="cost" label={t('product.cost')} rules={[decimalRule]}>
                <Input style={{ textAlign: 'right' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="tax_rate" label={t('product.taxRate')} rules={[decimalRule]}>
                <Input style={{ textAlign: 'right' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Spin>
    </Modal>
  );
}
