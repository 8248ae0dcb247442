// The import wizard: upload → mapping → check (dry run) → import with progress.
import { useState } from 'react';
import { Card, Steps, Typography } from 'antd';
import type { Id } from '../shared/api';
import { useT } from '../shared/i18n';
import { UploadStep } from './UploadStep';
import { MappingStep } from './MappingStep';
import { DryRunStep } from './DryRunStep';
import { ImportProgress } from './ImportProgress';
import type { DuplicateKey, DuplicatePolicy, ImportKind, Mapping, UploadedFile } from './importTypes';

export interface ImportSettings {
  mapping: Mapping;
  duplicate_policy: DuplicatePolicy;
  duplicate_key: DuplicateKey;
}

export function ImportWizard() {
  const t = useT();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [settings, setSettings] = useState<ImportSettings>({ mapping: {}, duplicate_policy: 'skip', duplicate_key: 'code' });
  const [jobId, setJobId] = useState<Id | null>(null);

  const restart = () => {
    setStep(0);
    setFile(null);
    setJobId(null);
    setSettings({ mapping: {}, duplicate_policy: 'skip', duplicate_key: 'code' });
  };

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('import.title')}
      </Typography.Title>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16, maxWidth: 800 }}
        items={[
          { title: t('import.step.upload') },
          { title: t('import.step.mapping') },
          { title: t('import.step.check') },
          { title: t('import.step.run') },
        ]}
      />
      <Card size="small">
        {step === 0 && (
          <UploadStep
            kind={kind}
            onKind={(k) => {
              setKind(k);
              setSettings((s) => ({ ...s, mapping: {} }));
            }}
            file={file}
            onFile={(f) => {
              setFile(f);
              setSettings((s) => ({ ...s, mapping: {} }));
            }}
            onNext={() => setStep(1)}
          />
        )}
        {step === 1 && file && (
          <MappingStep
            kind={kind}
            file={file}
            settings={settings}
            onSettings={setSettings}
            onBack={() => setStep(0)}
            onNext={() => setStep(2)}
          />
        )}
        {step === 2 && file && (
          <DryRunStep
            kind={kind}
            file={file}
            settings={settings}
            onBack={() => setStep(1)}
            onStarted={(id) => {
              setJobId(id);
              setStep(3);
            }}
          />
        )}
        {step === 3 && jobId !== null && <ImportProgress kind={kind} jobId={jobId} onRestart={restart} />}
      </Card>
    </div>
  );
}
