// Logs one contact in a few keystrokes: the type is preselected, the subject has the focus, Enter saves.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, type InputRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type Id } from '../shared/api';
import { applyProblem } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { useActivityTypes, type Activity } from './activity';

interface Props {
  partyId: Id;
  onLogged: (activity: Activity) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}

interface Values {
  type: string;
  subject: string;
  content: string;
  outcome: string;
  duration_minutes: number | null;
  next_contact_date: Dayjs | null;
}

const INITIAL: Values = { type: 'phone_call', subject: '', content: '', outcome: '', duration_minutes: null, next_contact_date: null };

export function QuickLogForm({ partyId, onLogged, onCancel, autoFocus = true }: Props) {
  const t = useT();
  const types = useActivityTypes();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const subjectRef = useRef<InputRef | null>(null);

  // a modal takes the focus for itself when it opens; hand it to the subject right after
  useEffect(() => {
    if (!autoFocus) return;
    const timer = setTimeout(() => subjectRef.current?.focus(), 60);
    return () => clearTimeout(timer);
  }, [autoFocus]);

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const logged = await api.post<Activity>('/activities', {
        party_id: partyId,
        type: v.type,
        subject: v.subject ?? '',
        content: v.content ?? '',
        outcome: v.outcome ?? '',
        duration_minutes: v.duration_minutes ?? null,
        next_contact_date: v.next_contact_date ? v.next_contact_date.format('YYYY-MM-DD') : null,
      });
      form.resetFields();
      onLogged(logged);
    } catch (e) {
      setError(applyProblem(form, e, t));
    } finally {
      setSaving(false);
    }
  };

  // Enter saves from the text area too; Shift+Enter starts a new line
  const onContentKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      form.submit();
    }
  };
  const onFormKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape' && onCancel) {
      e.stopPropagation();
      onCancel();
    }
  };

  const presets = [
    { label: t('activity.tomorrow'), value: dayjs().add(1, 'day') },
    { label: t('activity.inAWeek'), value: dayjs().add(7, 'day') },
    { label: t('activity.inAMonth'), value: dayjs().add(1, 'month') },
  ];

  return (
    <Form<Values>
      name={`quicklog-${partyId}`}
      form={form}
      layout="vertical"
      size="small"
      initialValues={INITIAL}
      onFinish={save}
      onKeyDown={onFormKey}
      data-testid="quicklog-form"
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="quicklog-error" />}
      <Row gutter={8}>
        <Col span={6}>
          <Form.Item name="type" label={t('activity.type')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={types.options} showSearch optionFilterProp="label" data-testid="quicklog-type" />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="subject" label={t('activity.subject')}>
            <Input ref={subjectRef} autoFocus={autoFocus} data-testid="quicklog-subject" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="content" label={t('activity.content')} extra={t('activity.enterHint')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} onKeyDown={onContentKey} data-testid="quicklog-content" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="outcome" label={t('activity.outcome')}>
            <Input data-testid="quicklog-outcome" />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="duration_minutes" label={t('activity.duration')}>
            <InputNumber min={0} style={{ width: '100%' }} data-testid="quicklog-duration" />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="next_contact_date" label={t('activity.nextContactDate')}>
            <DatePicker format="YYYY-MM-DD" presets={presets} style={{ width: '100%' }} data-testid="quicklog-next" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="quicklog-submit">
        {t('activity.log')}
      </Button>
      {onCancel && (
        <Button style={{ marginLeft: 8 }} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
    </Form>
  );
}
