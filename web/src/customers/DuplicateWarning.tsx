// While a customer is typed in, likely duplicates in the whole company with their owner and last contact.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Form, List, Space, Tag, Typography, type FormInstance } from 'antd';
import { Link } from 'react-router-dom';
import { api, type Id } from '../shared/api';
import { useI18n } from '../shared/i18n';
import type { MessageKey } from '../shared/messages';
import { useDebounced } from '../shared/useDebounced';
import type { PartyFormValues } from './PartyForm';

export interface SimilarParty {
  id: Id;
  code?: string | null;
  name: string;
  owner_id?: Id | null;
  owner_name?: string | null;
  last_contact_at?: string | null;
  roles?: string[];
  reasons: string[];
  score: number;
}

const REASONS = ['registration_number', 'phone', 'email', 'name'];

export function useReasonLabel() {
  const { t } = useI18n();
  return (reason: string) => (REASONS.includes(reason) ? t(`duplicate.reason.${reason}` as MessageKey) : reason);
}

interface Props {
  form: FormInstance<PartyFormValues>;
  excludeId: Id | null;
}

export function DuplicateWarning({ form, excludeId }: Props) {
  const { t, language } = useI18n();
  const reasonLabel = useReasonLabel();
  const name = Form.useWatch('name', form) ?? '';
  const phones = Form.useWatch('phones', form);
  const emails = Form.useWatch('emails', form);
  const registration = Form.useWatch('registration_number', form) ?? '';
  const [candidates, setCandidates] = useState<SimilarParty[]>([]);
  const seq = useRef(0);

  const probe = useMemo(
    () => ({
      name: name.trim(),
      phone: (phones ?? []).map((p) => p?.number?.trim()).find(Boolean) ?? '',
      email: (emails ?? []).map((e) => e?.address?.trim()).find(Boolean) ?? '',
      registration_number: registration.trim(),
    }),
    [name, phones, emails, registration],
  );
  const debounced = useDebounced(JSON.stringify(probe), 350);

  useEffect(() => {
    const query = JSON.parse(debounced) as typeof probe;
    if (!query.name && !query.phone && !query.email && !query.registration_number) {
      setCandidates([]);
      return;
    }
    const mine = ++seq.current;
    api
      .get<{ items: SimilarParty[] }>('/customers/similar', { ...query, exclude_id: excludeId ?? undefined })
      .then((answer) => mine === seq.current && setCandidates(answer.items ?? []))
      .catch(() => mine === seq.current && setCandidates([]));
  }, [debounced, excludeId]);

  if (candidates.length === 0) return null;

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="duplicate-warning"
      message={t('duplicate.warning', { n: candidates.length })}
      description={
        <List
          size="small"
          dataSource={candidates}
          renderItem={(c) => (
            <List.Item style={{ padding: '2px 0' }} data-testid="duplicate-candidate">
              <Space size={6} wrap>
                <Link to={`/customers/${c.id}`} data-testid="duplicate-name">
                  {c.name}
                </Link>
                {c.code && <Typography.Text type="secondary">{c.code}</Typography.Text>}
                <span data-testid="duplicate-owner">
                  {t('duplicate.owner', { name: c.owner_name || t('duplicate.noOwner') })}
                </span>
                <Typography.Text type="secondary">
                  {c.last_contact_at
                    ? t('duplicate.lastContact', { date: new Date(c.last_contact_at).toLocaleDateString(language) })
                    : t('duplicate.neverContacted')}
                </Typography.Text>
                {c.reasons.map((r) => (
                  <Tag key={r} color={r === 'name' ? 'gold' : 'red'} data-testid="duplicate-reason">
                    {reasonLabel(r)}
                  </Tag>
                ))}
                <Typography.Text type="secondary">{c.score}%</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
