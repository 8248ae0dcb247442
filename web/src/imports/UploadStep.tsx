// Step 1: choose what to import, upload the file, check or override encoding and delimiter.
import { useState } from 'react';
import { Alert, Button, Descriptions, Radio, Select, Space, Spin, Table, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { api, ApiError } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { DELIMITERS, ENCODINGS, IMPORT_KINDS, type ImportKind, type UploadedFile } from './importTypes';

interface Props {
  kind: ImportKind;
  onKind: (k: ImportKind) => void;
  file: UploadedFile | null;
  onFile: (f: UploadedFile | null) => void;
  onNext: () => void;
}

interface Source {
  name: string;
  bytes: ArrayBuffer;
}

export function UploadStep({ kind, onKind, file, onFile, onNext }: Props) {
  const t = useT();
  const [source, setSource] = useState<Source | null>(null);
  const [encoding, setEncoding] = useState('auto');
  const [delimiter, setDelimiter] = useState('auto');
  const [candidates, setCandidates] = useState<string[] | null>(null);
  const [candidate, setCandidate] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (src: Source, enc: string, delim: string) => {
    setBusy(true);
    setError(null);
    setCandidates(null);
    try {
      const answer = await api.post<UploadedFile>('/imports/files', undefined, {
        bytes: src.bytes,
        query: { filename: src.name, encoding: enc, delimiter: delim },
      });
      onFile(answer);
    } catch (e) {
      onFile(null);
      if (e instanceof ApiError && e.code === 'encoding_undetected') {
        const list = e.fieldErrors.filter((f) => f.path === 'encoding').map((f) => f.message);
        setCandidates(list.length ? list : ENCODINGS);
        setCandidate(list[0] ?? null);
      } else {
        setError(errorText(e, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const encodingOptions = [
    { value: 'auto', label: t('import.auto') },
    ...[...new Set([...(file && !ENCODINGS.includes(file.encoding) ? [file.encoding] : []), ...ENCODINGS])].map((e) => ({
      value: e,
      label: e,
    })),
  ];
  const delimiterLabel = (d: string) => (d === 'tab' || d === '\t' ? t('import.tab') : d);
  const delimiterOptions = [
    { value: 'auto', label: t('import.auto') },
    ...DELIMITERS.map((d) => ({ value: d, label: delimiterLabel(d) })),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space>
        <span>{t('import.kind')}:</span>
        <Radio.Group
          value={kind}
          onChange={(e) => onKind(e.target.value)}
          optionType="button"
          data-testid="import-kind"
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
        />
      </Space>
      <div data-testid="import-dragger">
        <Upload.Dragger
          accept=".csv,.txt,.tsv,.xlsx"
          multiple={false}
          showUploadList={false}
          beforeUpload={async (f) => {
            const src = { name: f.name, bytes: await f.arrayBuffer() };
            setSource(src);
            setEncoding('auto');
            setDelimiter('auto');
            upload(src, 'auto', 'auto');
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
        </Upload.Dragger>
      </div>
      <Spin spinning={busy}>
        {error && <Alert type="error" showIcon message={error} data-testid="import-upload-error" />}
        {candidates && source && (
          <Alert
            type="warning"
            showIcon
            data-testid="import-encoding-undetected"
            message={t('import.encodingUndetected')}
            description={
              <Space direction="vertical">
                <Radio.Group value={candidate} onChange={(e) => setCandidate(e.target.value)}>
                  {candidates.map((c) => (
                    <Radio key={c} value={c} data-testid={`encoding-candidate-${c}`}>
                      {c}
                    </Radio>
                  ))}
                </Radio.Group>
                <Button
                  type="primary"
                  disabled={!candidate}
                  data-testid="import-use-encoding"
                  onClick={() => {
                    if (!candidate) return;
                    setEncoding(candidate);
                    upload(source, candidate, delimiter);
                  }}
                >
                  {t('import.useEncoding')}
                </Button>
              </Space>
            }
          />
        )}
        {file && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={4} bordered data-testid="import-file-info">
              <Descriptions.Item label={t('import.file')}>{file.filename}</Descriptions.Item>
              <Descriptions.Item label={t('import.format')}>{file.format}</Descriptions.Item>
              <Descriptions.Item label={t('import.encoding')}>
                <span data-testid="import-encoding">{file.encoding}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('import.delimiter')}>
                <span data-testid="import-delimiter">{delimiterLabel(file.delimiter)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('import.rows')}>
                <span data-testid="import-row-count">{file.row_count}</span>
              </Descriptions.Item>
            </Descriptions>
            {file.format === 'csv' && source && (
              <Space wrap>
                <span>{t('import.encoding')}</span>
                <Select
                  value={encoding}
                  onChange={setEncoding}
                  options={encodingOptions}
                  style={{ width: 160 }}
                  showSearch
                  data-testid="import-encoding-select"
                />
                <span>{t('import.delimiter')}</span>
                <Select
                  value={delimiter}
                  onChange={setDelimiter}
                  options={delimiterOptions}
                  style={{ width: 140 }}
                  data-testid="import-delimiter-select"
                />
                <Button onClick={() => upload(source, encoding, delimiter)} data-testid="import-reupload">
                  {t('import.reupload')}
                </Button>
              </Space>
            )}
            <Table
              size="small"
              title={() => t('import.preview')}
              data-testid="import-preview"
              pagination={false}
              scroll={{ x: 'max-content' }}
              rowKey={(_, i) => String(i)}
              dataSource={file.preview.map((row) => Object.fromEntries(row.map((c, i) => [`c${i}`, c])))}
              columns={file.headers.map((h, i) => ({ key: `c${i}`, dataIndex: `c${i}`, title: h }))}
            />
            <Button type="primary" onClick={onNext} data-testid="import-next-mapping">
              {t('common.next')}
            </Button>
          </Space>
        )}
      </Spin>
    </Space>
  );
}
