// Modal form for one contact person.
import { useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../shared/api';
import { applyProblem } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { TypedValueList } from '../shared/TypedValueList';
import { CustomFieldInputs, useCustomFields } from '../shared/customFields';
import { useActivityTypes } from '../activities/activity';
import { MESSENGER_TYPES, PHONE_TYPES, type Contact, type CustomValue, type PartyKind } from './party';

interface Props {
  kind: PartyKind;
  partyId: string;
  contact: Contact | null;
  onClose: () => void;
  onSaved: (c: Contact) => void;
}

interface Values {
  name: string;
  title: string;
  department: string;
  phones: { type: string; number: string }[];
  emails: { type: string; address: string }[];
  messengers: { type: string; id: string }[];
  birthday: Dayjs | null;
  notes: string;
  hobbies: string;
  habits: string;
  preferred_channel: string | null;
  custom_fields: Record<string, CustomValue>;
}

export function ContactForm({ kind, partyId, contact, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const channels = useActivityTypes();
  const customFields = useCustomFields(kind === 'customers' ? 'contact' : null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const initial: Values = {
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    department: contact?.department ?? '',
    phones: contact?.phones ?? [],
    emails: contact?.emails ?? [],
    messengers: contact?.messengers ?? [],
    birthday: contact?.birthday ? dayjs(contact.birthday) : null,
    notes: contact?.notes ?? '',
    hobbies: contact?.hobbies ?? '',
    habits: contact?.habits ?? '',
    preferred_channel: contact?.preferred_channel ?? null,
    custom_fields: contact?.custom_fields ?? {},
  };

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    const body: Record<string, unknown> = {
      ...v,
      phones: (v.phones ?? []).filter((p) => p && p.number),
      emails: (v.emails ?? []).filter((p) => p && p.address),
      messengers: (v.messengers ?? []).filter((p) => p && p.id),
      birthday: v.birthday ? v.birthday.format('YYYY-MM-DD') : null,
    };
    // profile fields go out only when set or known to the record, so a server without them still accepts the rest
    for (const key of ['hobbies', 'habits', 'preferred_channel', 'custom_fields'] as const) {
      const value = body[key];
      const empty = value === null || value === undefined || value === '' || (typeof value === 'object' && Object.keys(value as object).length === 0);
      if (empty && !(contact && key in contact)) delete body[key];
      else if (value === undefined) body[key] = null;
    }
    try {
      const saved = contact
        ? await api.patch<Contact>(`/${kind}/${partyId}/contacts/${contact.id}`, body, contact.version)
        : await api.post<Contact>(`/${kind}/${partyId}/contacts`, body);
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setError(t('common.versionConflict'));
        const current = e.problem.current as Contact | undefined;
        if (current) onSaved(current);
      } else {
        setError(applyProblem(form, e, t));
      }
    } finally {
      setSaving(false);
    }
  };

  const phoneTypes = PHONE_TYPES.map((p) => ({ value: p, label: t(`phone.${p}`) }));
  const emailTypes = (['work', 'home', 'other'] as const).map((p) => ({ value: p, label: t(`phone.${p}`) }));
  const messengerTypes = MESSENGER_TYPES.map((m) => ({ value: m, label: t(`messenger.${m}`) }));

  return (
    <Modal
      open
      width={680}
      title={contact ? t('contact.edit') : t('contact.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'contact-save' }}
      destroyOnClose
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<Values> name="contact" form={form} layout="vertical" size="small" initialValues={initial} onFinish={save}>
        <Row gutter={8}>
          <Col span={10}>
            <Form.Item name="name" label={t('contact.name')} rules={[{ required: true, message: t('common.required') }]}>
              <Input autoFocus data-testid="contact-name" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="title" label={t('contact.title')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="department" label={t('contact.department')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('party.phones')}>
          <TypedValueList name="phones" valueField="number" types={phoneTypes} addLabel={t('party.addPhone')} valueLabel={t('party.phone')} testId="contact-phone" />
        </Form.Item>
        <Form.Item label={t('party.emails')}>
          <TypedValueList name="emails" valueField="address" types={emailTypes} addLabel={t('party.addEmail')} valueLabel={t('party.email')} testId="contact-email" />
        </Form.Item>
        <Form.Item label={t('contact.messengers')}>
          <TypedValueList name="messengers" valueField="id" types={messengerTypes} addLabel={t('contact.addMessenger')} valueLabel={t('contact.messengerId')} testId="contact-messenger" />
        </Form.Item>
        <Row gutter={8}>
          <Col span={8}>
            <Form.Item name="birthday" label={t('contact.birthday')}>
              <DatePicker data-testid="contact-birthday" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="preferred_channel" label={t('party.preferredChannel')}>
              <Select allowClear options={channels.options} data-testid="contact-preferred-channel" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="hobbies" label={t('contact.hobbies')}>
              <Input data-testid="contact-hobbies" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="habits" label={t('contact.habits')}>
              <Input data-testid="contact-habits" />
            </Form.Item>
          </Col>
        </Row>
        <CustomFieldInputs defs={customFields} />
        <Form.Item name="notes" label={t('contact.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
