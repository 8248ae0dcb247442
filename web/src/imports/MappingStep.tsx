// Step 2: map each column of the file to a field; duplicate policy and key; saved mappings.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { api, type Id } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { fieldLabel } from './fieldLabel';
import type { ImportSettings } from './ImportWizard';
import { fieldKey, type ImportFields, type ImportKind, type Mapping, type SavedMapping, type UploadedFile } from './importTypes';

interface Props {
  kind: ImportKind;
  file: UploadedFile;
  settings: ImportSettings;
  onSettings: (s: ImportSettings) => void;
  onBack: () => void;
  onNext: () => void;
}

const IGNORE = '';

export function MappingStep({ kind, file, settings, onSettings, onBack, onNext }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [fields, setFields] = useState<ImportFields | null>(null);
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [mappingName, setMappingName] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .get<ImportFields>('/imports/fields', { kind, file_id: file.id })
      .then((answer) => {
        if (!live) return;
        setFields(answer);
        if (Object.keys(settings.mapping).length === 0) {
          // prefill: the server's suggestion, else a field with the same name
          const byKey = new Map(answer.fields.map((f) => [fieldKey(f.field), f.field]));
          const mapping: Mapping = {};
          for (const h of file.headers) {
            const suggested = answer.suggested_mapping?.[h];
            const same = byKey.get(fieldKey(h));
            if (suggested) mapping[h] = suggested;
            else if (same) mapping[h] = same;
          }
          onSettings({ ...settings, mapping });
        }
      })
      .catch((e) => live && setError(errorText(e, t)));
    api
      .get<{ items: SavedMapping[] }>('/import-mappings', { kind })
      .then((answer) => live && setSaved(answer.items ?? []))
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // the mapping prefill runs once per file and kind
  }, [kind, file.id]);

  const used = useMemo(() => new Set(Object.values(settings.mapping)), [settings.mapping]);
  const missing = (fields?.fields ?? []).filter((f) => f.required && !used.has(f.field)).map((f) => f.field);

  const setField = (header: string, field: string) => {
    const mapping = { ...settings.mapping };
    if (field === IGNORE) delete mapping[header];
    else mapping[header] = field;
    onSettings({ ...settings, mapping });
  };

  const loadMapping = (id: Id) => {
    const m = saved.find((s) => String(s.id) === String(id));
    if (!m) return;
    const mapping: Mapping = {};
    for (const h of file.headers) if (m.mapping[h]) mapping[h] = m.mapping[h];
    onSettings({ ...settings, mapping });
  };

  const saveMapping = async () => {
    try {
      const created = await api.post<SavedMapping>('/import-mappings', { name: mappingName.trim(), kind, mapping: settings.mapping });
      setSaved((prev) => [...prev, created ?? { id: Date.now(), name: mappingName.trim(), kind, mapping: settings.mapping }]);
      setMappingName('');
      message.success(t('import.mappingSaved'));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const fieldOptions = [
    { value: IGNORE, label: t('import.ignore'), required: false },
    ...(fields?.fields ?? []).map((f) => ({ value: f.field, label: f.label ?? fieldLabel(f.field, t), required: f.required })),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {error && <Alert type="error" showIcon message={error} />}
      <Space wrap>
        <Select
          placeholder={t('import.loadMapping')}
          style={{ width: 260 }}
          options={saved.map((s) => ({ value: String(s.id), label: s.name }))}
          onChange={loadMapping}
          value={null}
          data-testid="import-load-mapping"
        />
        <Input
          placeholder={t('import.mappingName')}
          value={mappingName}
          onChange={(e) => setMappingName(e.target.value)}
          style={{ width: 200 }}
          data-testid="import-mapping-name"
        />
        <Button disabled={!mappingName.trim()} onClick={saveMapping} data-testid="import-save-mapping">
          {t('import.saveMapping')}
        </Button>
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey="header"
        data-testid="import-mapping"
        loading={!fields && !error}
        dataSource={file.headers.map((h, i) => ({ header: h, sample: file.preview[0]?.[i] ?? '' }))}
        columns={[
          { key: 'header', dataIndex: 'header', title: t('import.header'), width: 220 },
          {
            key: 'sample',
            dataIndex: 'sample',
            title: t('import.preview'),
            render: (s: string) => <span style={{ color: '#888' }}>{s}</span>,
          },
          {
            key: 'field',
            title: t('import.field'),
            width: 260,
            render: (_, row) => (
              <Select
                style={{ width: 240 }}
                value={settings.mapping[row.header] ?? IGNORE}
                onChange={(v) => setField(row.header, v)}
                options={fieldOptions.map((o) => ({
                  ...o,
                  disabled: o.value !== IGNORE && used.has(o.value) && settings.mapping[row.header] !== o.value,
                }))}
                showSearch
                optionFilterProp="label"
                optionRender={(o) => (
                  <span>
                    {o.label}
                    {o.data.required && <span style={{ color: '#cf1322' }}> *</span>}
                  </span>
                )}
                data-testid={`import-map-${row.header}`}
              />
            ),
          },
        ]}
      />
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-missing"
          message={t('import.missingRequired', { fields: missing.join(', ') })}
        />
      )}
      <Space wrap size="large">
        <Space>
          <span>{t('import.duplicatePolicy')}:</span>
          <Radio.Group
            value={settings.duplicate_policy}
            onChange={(e) => onSettings({ ...settings, duplicate_policy: e.target.value })}
            data-testid="import-policy"
            options={(['skip', 'update', 'create'] as const).map((p) => ({ value: p, label: t(`import.policy.${p}`) }))}
          />
        </Space>
        <Space>
          <span>{t('import.duplicateKey')}:</span>
          <Radio.Group
            value={settings.duplicate_key}
            onChange={(e) => onSettings({ ...settings, duplicate_key: e.target.value })}
            data-testid="import-key"
            options={(['code', 'name'] as const).map((k) => ({ value: k, label: t(`import.key.${k}`) }))}
          />
        </Space>
      </Space>
      <Space>
        <Button onClick={onBack}>{t('common.back')}</Button>
        <Button type="primary" disabled={missing.length > 0 || !fields} onClick={onNext} data-testid="import-next-check">
          {t('common.next')}
        </Button>
      </Space>
      {Object.keys(settings.mapping).length > 0 && (
        <div>
          {Object.entries(settings.mapping).map(([h, f]) => (
            <Tag key={h}>
              {h} → {fieldLabel(f, t)}
            </Tag>
          ))}
        </div>
      )}
    </Space>
  );
}
