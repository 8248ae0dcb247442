// Tenant-defined fields per entity: their definitions and the form inputs that edit their values.
import { useEffect, useState } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { api, type Id } from './api';
import { useT } from './i18n';

export type CustomFieldEntity = 'customer' | 'contact' | 'product';
export const CUSTOM_FIELD_ENTITIES: CustomFieldEntity[] = ['customer', 'contact', 'product'];
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'choice', 'multi_choice'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldDef {
  id: Id;
  entity: CustomFieldEntity;
  code: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
  position: number;
  version?: number;
}

export async function fetchCustomFields(entity: CustomFieldEntity): Promise<CustomFieldDef[]> {
  const answer = await api.get<{ items: CustomFieldDef[] } | CustomFieldDef[]>('/custom-fields', { entity });
  const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
  return [...items].sort((a, b) => a.position - b.position);
}

/** The definitions of one entity; none while the server offers none. */
export function useCustomFields(entity: CustomFieldEntity | null): CustomFieldDef[] {
  const [defs, setDefs] = useState<CustomFieldDef[]>([]);
  useEffect(() => {
    if (!entity) return;
    let live = true;
    fetchCustomFields(entity)
      .then((d) => live && setDefs(d))
      .catch(() => live && setDefs([]));
    return () => {
      live = false;
    };
  }, [entity]);
  return defs;
}

/** A date picker whose value is the ISO date string the API speaks. */
function IsoDatePicker({ value, onChange, testId }: { value?: string | null; onChange?: (v: string | null) => void; testId?: string }) {
  return (
    <DatePicker
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      format="YYYY-MM-DD"
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

interface InputProps {
  def: CustomFieldDef;
  value?: never;
  onChange?: never;
}

/** Form.Item hands `value` and `onChange` to this component, which passes them on to the real input. */
function CustomFieldInput({ def, ...control }: InputProps) {
  const testId = `custom-${def.code}`;
  const options = (def.options ?? []).map((o) => ({ value: o, label: o }));
  switch (def.type) {
    case 'number':
      return <InputNumber {...control} style={{ width: '100%' }} data-testid={testId} />;
    case 'date':
      return <IsoDatePicker {...control} testId={testId} />;
    case 'choice':
      return <Select {...control} allowClear options={options} data-testid={testId} />;
    case 'multi_choice':
      return <Select {...control} mode="multiple" allowClear options={options} data-testid={testId} />;
    default:
      return <Input {...control} data-testid={testId} />;
  }
}

/** Inputs for `custom_fields.<code>` of a form, two per row. */
export function CustomFieldInputs({ defs }: { defs: CustomFieldDef[] }) {
  const t = useT();
  if (defs.length === 0) return null;
  return (
    <Row gutter={8} data-testid="custom-fields">
      {defs.map((def) => (
        <Col span={12} key={def.code}>
          <Form.Item
            name={['custom_fields', def.code]}
            label={def.label || def.code}
            rules={def.required ? [{ required: true, message: t('common.required') }] : []}
          >
            <CustomFieldInput def={def} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
