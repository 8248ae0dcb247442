import { Button, Checkbox, Popover } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useT } from './i18n';

interface Props {
  columns: { key: string; title: string }[];
  visible: string[];
  onChange: (visible: string[]) => void;
}

/** Popover with one checkbox per column; the caller persists the choice. */
export function ColumnChooser({ columns, visible, onChange }: Props) {
  const t = useT();
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      content={
        <Checkbox.Group
          value={visible}
          onChange={(v) => onChange(columns.map((c) => c.key).filter((k) => v.includes(k)))}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={columns.map((c) => ({ value: c.key, label: c.title }))}
        />
      }
    >
      <Button icon={<SettingOutlined />} data-testid="column-chooser">
        {t('common.columns')}
      </Button>
    </Popover>
  );
}
