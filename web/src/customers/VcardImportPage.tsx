// Business cards: upload a .vcf file, see each card with its likely duplicates and the values left out of
// it, choose per card whether to attach it to an existing customer, create a new customer for it or skip
// it (a card without a name needs one first), then import and see which cards failed and why.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Input, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, type Id } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useT, type Translate } from '../shared/i18n';
import type { MessageKey } from '../shared/messages';
import { useDebounced } from '../shared/useDebounced';
import type { SearchHit } from '../search/GlobalSearch';
import { useReasonLabel, type SimilarParty } from './DuplicateWarning';

/** A value the server left out of the card because a contact cannot store it, or `no_name`. */
interface CardWarning {
  path: string;
  code: string;
  message: string;
  value?: string | null;
}

interface Card {
  index: number;
  name?: string | null;
  given_name?: string;
  family_name?: string;
  organization?: string;
  title?: string;
  department?: string;
  phones?: { type: string; number: string }[];
  emails?: { type: string; address: string }[];
  addresses?: Record<string, string>[];
  birthday?: string | null;
  notes?: string;
  messengers?: { type: string; id: string }[];
  candidates?: SimilarParty[];
  warnings?: CardWarning[];
}

/** The server may send the candidates as a list or as the answer of /customers/similar. */
function withCandidates(card: Card): Card {
  const c = card.candidates as SimilarParty[] | { items?: SimilarParty[] } | null | undefined;
  return { ...card, candidates: Array.isArray(c) ? c : (c?.items ?? []) };
}

interface ParseAnswer {
  cards: Card[];
  errors?: { index: number; line?: number; reason: string }[];
}

interface Choice {
  action: 'attach' | 'create' | 'skip';
  party_id?: Id;
  party_label?: string;
  new_name: string;
  /** The contact's name the user gives a card that has none. */
  contact_name: string;
}

interface ImportItem {
  index: number;
  card_index?: number;
  status: 'created' | 'attached' | 'skipped' | 'failed';
  party_id?: Id | null;
  contact_id?: Id | null;
  errors?: { path: string; code: string; message: string }[];
}

interface ImportAnswer {
  created_parties: number;
  created_contacts: number;
  attached: number;
  skipped: number;
  failed?: number;
  items?: ImportItem[];
}

function defaultChoice(card: Card): Choice {
  const best = card.candidates?.[0];
  const newName = card.organization || card.name || '';
  if (best && best.score >= 80) return { action: 'attach', party_id: best.id, party_label: best.name, new_name: newName, contact_name: '' };
  return { action: 'create', new_name: newName, contact_name: '' };
}

/** The contact's name a card imports with: its own, else the one the user typed. */
function contactName(card: Card, choice: Choice | undefined): string {
  return card.name || choice?.contact_name.trim() || '';
}

const PROBLEM_KEYS: Record<string, MessageKey> = {
  no_name: 'vcard.problem.noName',
  invalid_email: 'vcard.problem.invalidEmail',
  invalid_phone: 'vcard.problem.invalidPhone',
  too_long: 'vcard.problem.tooLong',
  too_many: 'vcard.problem.tooMany',
  not_found: 'vcard.problem.notFound',
};

/** Why a value was left out or a card failed, in the user's language when the code is known. */
function problemText(t: Translate, problem: { code: string; message: string }): string {
  const key = PROBLEM_KEYS[problem.code];
  return key ? t(key) : problem.message;
}

/** A customer picked by searching, for cards whose customer is not among the candidates. */
function CustomerPicker({ onPick }: { onPick: (id: Id, label: string) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const debounced = useDebounced(q.trim(), 200);
  useEffect(() => {
    if (!debounced) return setHits([]);
    api
      .get<{ items: SearchHit[] }>('/search', { q: debounced, limit: 10 })
      .then((a) => setHits((a.items ?? []).filter((h) => h.type === 'customer')))
      .catch(() => setHits([]));
  }, [debounced]);
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setQ}
      placeholder={t('vcard.searchCustomer')}
      style={{ width: 240 }}
      options={hits.map((h) => ({ value: String(h.id), label: `${h.name}${h.owner_name ? ` · ${h.owner_name}` : ''}` }))}
      onChange={(v: string) => onPick(v, hits.find((h) => String(h.id) === v)?.name ?? v)}
      data-testid="vcard-search-customer"
    />
  );
}

export function VcardImportPage() {
  const t = useT();
  const { message } = App.useApp();
  const reasonLabel = useReasonLabel();
  const [fileName, setFileName] = useState<string | null>(null);
  const [parsed, setParsed] = useState<ParseAnswer | null>(null);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [searching, setSearching] = useState<Record<number, boolean>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportAnswer | null>(null);

  const parse = async (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    setFileName(file.name);
    try {
      const answer = await api.post<ParseAnswer>('/vcard/parse', undefined, {
        bytes: await file.arrayBuffer(),
      });
      const cards = (answer.cards ?? []).map(withCandidates);
      setParsed({ ...answer, cards });
      setChoices(Object.fromEntries(cards.map((c) => [c.index, defaultChoice(c)])));
    } catch (e) {
      setParsed(null);
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const setChoice = (index: number, patch: Partial<Choice>) =>
    setChoices((prev) => ({ ...prev, [index]: { ...prev[index], ...patch } }));

  const runImport = async () => {
    if (!parsed) return;
    setBusy(true);
    setError(null);
    try {
      const cards = parsed.cards.map((card) => {
        const choice = choices[card.index];
        const { candidates: _candidates, warnings: _warnings, ...rest } = card;
        const name = contactName(card, choice);
        const plain = { ...rest, name: name || null };
        if (choice.action === 'attach') return { card: plain, action: 'attach', party_id: choice.party_id };
        if (choice.action === 'create') return { card: plain, action: 'create', party: { name: choice.new_name.trim() || card.organization || name } };
        return { card: plain, action: 'skip' };
      });
      const answer = await api.post<ImportAnswer>('/vcard/import', { cards });
      setResult(answer);
      message.success(t('vcard.imported'));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const actionOptions = (card: Card) => [
    ...(card.candidates ?? []).map((c) => ({
      value: `attach:${c.id}`,
      label: t('vcard.attachTo', { name: `${c.name}${c.owner_name ? ` (${c.owner_name})` : ''}` }),
    })),
    { value: 'search', label: t('vcard.attachOther') },
    { value: 'create', label: t('vcard.create') },
    { value: 'skip', label: t('vcard.skip') },
  ];
  const actionValue = (card: Card) => {
    const c = choices[card.index];
    if (!c) return 'create';
    if (searching[card.index]) return 'search';
    if (c.action === 'attach') return (card.candidates ?? []).some((x) => String(x.id) === String(c.party_id)) ? `attach:${c.party_id}` : 'search';
    return c.action;
  };
  const onAction = (card: Card, value: string) => {
    setSearching((s) => ({ ...s, [card.index]: value === 'search' }));
    if (value.startsWith('attach:')) {
      const id = value.slice('attach:'.length);
      const candidate = card.candidates?.find((c) => String(c.id) === id);
      setChoice(card.index, { action: 'attach', party_id: candidate?.id ?? id, party_label: candidate?.name });
    } else if (value === 'create' || value === 'skip') setChoice(card.index, { action: value });
  };

  const ready =
    parsed &&
    parsed.cards.every((c) => {
      const choice = choices[c.index];
      if (choice?.action === 'skip') return true;
      return contactName(c, choice) !== '' && (choice?.action !== 'attach' || choice.party_id !== undefined);
    });
  const cardLabel = (cardIndex: number | undefined) => {
    const card = parsed?.cards.find((c) => c.index === cardIndex);
    const name = card ? contactName(card, choices[card.index]) : '';
    return name || t('vcard.unnamedCard', { n: (cardIndex ?? 0) + 1 });
  };
  const failedItems = (result?.items ?? []).filter((i) => i.status === 'failed');

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('vcard.title')}
      </Typography.Title>
      <div data-testid="vcard-dragger" style={{ marginBottom: 12 }}>
        <Upload.Dragger
          accept=".vcf,text/vcard,text/x-vcard"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            parse(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{fileName ?? t('vcard.drop')}</p>
          <Typography.Text type="secondary">{t('vcard.dropHint')}</Typography.Text>
        </Upload.Dragger>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="vcard-error" />}
      {parsed && parsed.errors && parsed.errors.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="vcard-parse-errors"
          message={t('vcard.brokenCards', { n: parsed.errors.length })}
          description={parsed.errors.map((e) => (
            <div key={`${e.index}-${e.line}`}>
              #{e.index + 1}
              {e.line ? ` (${t('vcard.line', { n: e.line })})` : ''}: {e.reason}
            </div>
          ))}
        />
      )}
      {parsed && !result && (
        <>
          <Table<Card>
            size="small"
            rowKey={(c) => String(c.index)}
            dataSource={parsed.cards}
            pagination={false}
            data-testid="vcard-cards"
            onRow={() => ({ 'data-testid': 'vcard-card' }) as object}
            columns={[
              {
                key: 'card',
                title: t('vcard.card'),
                render: (_, c) => (
                  <Descriptions size="small" column={1} colon={false}>
                    <Descriptions.Item label={t('contact.name')}>
                      {c.name ? (
                        <span data-testid="vcard-card-name">{c.name}</span>
                      ) : (
                        <Space direction="vertical" size={2}>
                          <Input
                            value={choices[c.index]?.contact_name ?? ''}
                            onChange={(e) => setChoice(c.index, { contact_name: e.target.value })}
                            placeholder={t('vcard.namePlaceholder')}
                            status={choices[c.index]?.action !== 'skip' && !contactName(c, choices[c.index]) ? 'error' : undefined}
                            data-testid={`vcard-contact-name-${c.index}`}
                          />
                          <Typography.Text type="warning" data-testid={`vcard-no-name-${c.index}`}>
                            {t('vcard.noName')}
                          </Typography.Text>
                        </Space>
                      )}
                    </Descriptions.Item>
                    {c.organization && <Descriptions.Item label={t('vcard.organization')}>{c.organization}</Descriptions.Item>}
                    {(c.title || c.department) && (
                      <Descriptions.Item label={t('contact.title')}>{[c.title, c.department].filter(Boolean).join(' · ')}</Descriptions.Item>
                    )}
                    {c.phones && c.phones.length > 0 && (
                      <Descriptions.Item label={t('party.phones')}>{c.phones.map((p) => p.number).join(', ')}</Descriptions.Item>
                    )}
                    {c.emails && c.emails.length > 0 && (
                      <Descriptions.Item label={t('party.emails')}>{c.emails.map((e) => e.address).join(', ')}</Descriptions.Item>
                    )}
                    {(c.warnings ?? [])
                      .filter((w) => w.code !== 'no_name')
                      .map((w) => (
                        <Descriptions.Item key={w.path} label="">
                          <Typography.Text type="warning" data-testid="vcard-left-out">
                            {t('vcard.leftOut', { value: w.value ?? '', reason: problemText(t, w) })}
                          </Typography.Text>
                        </Descriptions.Item>
                      ))}
                  </Descriptions>
                ),
              },
              {
                key: 'candidates',
                title: t('vcard.candidates'),
                render: (_, c) =>
                  (c.candidates ?? []).length === 0 ? (
                    <Typography.Text type="secondary">{t('vcard.noCandidates')}</Typography.Text>
                  ) : (
                    (c.candidates ?? []).map((cand) => (
                      <div key={String(cand.id)} data-testid="vcard-candidate">
                        <Link to={`/customers/${cand.id}`}>{cand.name}</Link>{' '}
                        <Typography.Text type="secondary">{cand.owner_name}</Typography.Text>{' '}
                        {cand.reasons.map((r) => (
                          <Tag key={r}>{reasonLabel(r)}</Tag>
                        ))}
                      </div>
                    ))
                  ),
              },
              {
                key: 'action',
                title: t('vcard.action'),
                width: 300,
                render: (_, c) => (
                  <Space direction="vertical" size={4}>
                    <Select
                      value={actionValue(c)}
                      onChange={(v) => onAction(c, v)}
                      options={actionOptions(c)}
                      style={{ width: 280 }}
                      data-testid={`vcard-action-${c.index}`}
                    />
                    {searching[c.index] && (
                      <CustomerPicker onPick={(id, label) => setChoice(c.index, { action: 'attach', party_id: id, party_label: label })} />
                    )}
                    {choices[c.index]?.action === 'create' && (
                      <Input
                        value={choices[c.index].new_name}
                        onChange={(e) => setChoice(c.index, { new_name: e.target.value })}
                        placeholder={c.organization || contactName(c, choices[c.index])}
                        addonBefore={t('vcard.newCustomer')}
                        data-testid={`vcard-new-name-${c.index}`}
                      />
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <Button type="primary" style={{ marginTop: 12 }} onClick={runImport} loading={busy} disabled={!ready || parsed.cards.length === 0} data-testid="vcard-import">
            {t('vcard.import', { n: parsed.cards.filter((c) => choices[c.index]?.action !== 'skip').length })}
          </Button>
        </>
      )}
      {result && (
        <Alert
          type={result.failed ? 'warning' : 'success'}
          showIcon
          data-testid="vcard-result"
          message={t('vcard.result', {
            parties: result.created_parties,
            contacts: result.created_contacts,
            attached: result.attached,
            skipped: result.skipped,
            failed: result.failed ?? 0,
          })}
          description={
            <Space direction="vertical">
              {failedItems.length > 0 && (
                <div data-testid="vcard-failed">
                  <Typography.Text strong>{t('vcard.failedCards')}</Typography.Text>
                  {failedItems.map((i) => (
                    <div key={i.index} data-testid="vcard-failed-card">
                      {cardLabel(i.card_index)}: {(i.errors ?? []).map((e) => problemText(t, e)).join('; ')}
                    </div>
                  ))}
                </div>
              )}
              <Space wrap>
                {(result.items ?? [])
                  .filter((i) => i.party_id)
                  .map((i) => (
                    <Link key={i.index} to={`/customers/${i.party_id}`} data-testid="vcard-result-party">
                      {cardLabel(i.card_index)}
                    </Link>
                  ))}
                <Button size="small" onClick={() => (setParsed(null), setResult(null), setFileName(null))}>
                  {t('vcard.another')}
                </Button>
              </Space>
            </Space>
          }
        />
      )}
    </div>
  );
}
