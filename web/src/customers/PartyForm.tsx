// The fields of a party card.
import { Checkbox, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import { useT } from '../shared/i18n';
import { CURRENCIES } from '../shared/money';
import { TypedValueList } from '../shared/TypedValueList';
import { ListSelect } from '../shared/ListSelect';
import { CustomFieldInputs, type CustomFieldDef } from '../shared/customFields';
import { useActivityTypes } from '../activities/activity';
import { PHONE_TYPES, RISKS, type Address, type CustomValue } from './party';
import { AddressFields } from './AddressFields';

export interface PartyFormValues {
  code: string;
  name: string;
  kind: 'company' | 'person';
  registration_number: string;
  level: string;
  industry: string;
  source: string;
  region: string;
  tags: string[];
  phones: { type: string; number: string }[];
  emails: { type: string; address: string }[];
  website: string;
  billing_address: Address;
  shipping_address: Address;
  payment_terms: string;
  credit_limit: number | null;
  currency: string;
  notes: string;
  archived: boolean;
  risk: string | null;
  preferred_channel: string | null;
  custom_fields: Record<string, CustomValue>;
}

interface Props {
  form: FormInstance<PartyFormValues>;
  onFinish: (v: PartyFormValues) => void;
  customFields?: CustomFieldDef[];
  onValuesChange?: () => void;
}

export function PartyForm({ form, onFinish, customFields = [], onValuesChange }: Props) {
  const t = useT();
  const channels = useActivityTypes();
  const phoneTypes = PHONE_TYPES.map((p) => ({ value: p, label: t(`phone.${p}`) }));
  const emailTypes = ['work', 'home', 'other'].map((p) => ({ value: p, label: t(`phone.${p as 'work' | 'home' | 'other'}`) }));

  return (
    <Form<PartyFormValues> name="party" form={form} layout="vertical" size="small" onFinish={onFinish} onValuesChange={onValuesChange} requiredMark="optional">
      <Row gutter={8}>
        <Col span={6}>
          <Form.Item name="code" label={t('party.code')}>
            <Input data-testid="party-code" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="name" label={t('party.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input data-testid="party-name-input" autoFocus />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="kind" label={t('party.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'company', label: t('party.kind.company') },
                { value: 'person', label: t('party.kind.person') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="registration_number" label={t('party.registrationNumber')}>
            <Input data-testid="party-registration-number" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="level" label={t('party.level')}>
            <ListSelect list="levels" testId="party-level" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="industry" label={t('party.industry')}>
            <ListSelect list="industries" testId="party-industry" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="region" label={t('party.region')}>
            <ListSelect list="regions" testId="party-region" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="source" label={t('party.source')}>
            <ListSelect list="sources" testId="party-source" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="risk" label={t('party.risk')}>
            <Select allowClear options={RISKS.map((r) => ({ value: r, label: t(`risk.${r}`) }))} data-testid="party-risk" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="preferred_channel" label={t('party.preferredChannel')}>
            <Select allowClear options={channels.options} data-testid="party-preferred-channel" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="tags" label={t('party.tags')}>
            <Select mode="tags" tokenSeparators={[',']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('party.phones')}>
            <TypedValueList
              name="phones"
              valueField="number"
              types={phoneTypes}
              addLabel={t('party.addPhone')}
              valueLabel={t('party.phone')}
              testId="party-phone"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('party.emails')}>
            <TypedValueList
              name="emails"
              valueField="address"
              types={emailTypes}
              addLabel={t('party.addEmail')}
              valueLabel={t('party.email')}
              testId="party-email"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="website" label={t('party.website')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="payment_terms" label={t('party.paymentTerms')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="credit_limit" label={t('party.creditLimit')}>
            <InputNumber style={{ width: '100%' }} min={0} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="currency" label={t('party.currency')}>
            <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="archived" valuePropName="checked" label=" ">
            <Checkbox data-testid="party-archived">{t('party.archived')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Divider orientation="left" plain>
        {t('party.billingAddress')}
      </Divider>
      <AddressFields name="billing_address" />
      <Divider orientation="left" plain>
        {t('party.shippingAddress')}
      </Divider>
      <AddressFields name="shipping_address" />
      <Form.Item name="notes" label={t('party.notes')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {customFields.length > 0 && (
        <>
          <Divider orientation="left" plain>
            {t('party.customFields')}
          </Divider>
          <CustomFieldInputs defs={customFields} />
        </>
      )}
    </Form>
  );
}
