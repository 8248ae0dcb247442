// A select over one list of values; a plain text box while the tenant's list is empty.
import type { CSSProperties } from 'react';
import { Input, Select } from 'antd';
import { listOptions, useLists, type ListName } from './lists';

interface Props {
  list: ListName;
  value?: string | null;
  onChange?: (value: string) => void;
  testId?: string;
  placeholder?: string;
  style?: CSSProperties;
}

export function ListSelect({ list, value, onChange, testId, placeholder, style }: Props) {
  const { lists, loaded } = useLists();
  const items = lists[list];
  if (loaded && items.length === 0) {
    return (
      <Input value={value ?? ''} onChange={(e) => onChange?.(e.target.value)} data-testid={testId} placeholder={placeholder} style={style} />
    );
  }
  return (
    <Select
      showSearch
      allowClear
      optionFilterProp="label"
      value={value || undefined}
      onChange={(v) => onChange?.(v ?? '')}
      options={listOptions(items, value)}
      data-testid={testId}
      placeholder={placeholder}
      style={style}
    />
  );
}
