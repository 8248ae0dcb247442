import { Col, Form, Input, Row } from 'antd';
import { useT } from '../shared/i18n';

/** The six lines of a postal address, nested under `name`. */
export function AddressFields({ name }: { name: 'billing_address' | 'shipping_address' }) {
  const t = useT();
  return (
    <Row gutter={8}>
      <Col span={24}>
        <Form.Item name={[name, 'line1']} label={t('address.line1')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={[name, 'line2']} label={t('address.line2')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={[name, 'city']} label={t('address.city')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name={[name, 'region']} label={t('address.region')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name={[name, 'postal_code']} label={t('address.postalCode')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name={[name, 'country']} label={t('address.country')}>
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}
