// Form.List of {type, <valueField>} rows: phones, e-mails, messenger ids.
import { Button, Form, Input, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';

interface Props {
  name: string;
  valueField: string;
  types: { value: string; label: string }[];
  addLabel: string;
  valueLabel: string;
  testId: string;
}

export function TypedValueList({ name, valueField, types, addLabel, valueLabel, testId }: Props) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[field.name, 'type']} style={{ marginBottom: 8, width: 120 }}>
                <Select options={types} />
              </Form.Item>
              <Form.Item name={[field.name, valueField]} style={{ marginBottom: 8, width: 260 }}>
                <Input aria-label={valueLabel} data-testid={`${testId}-${field.name}`} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ type: types[0].value })}>
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}
