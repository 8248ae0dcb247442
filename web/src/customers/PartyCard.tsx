// Drawer with one customer's or supplier's card: the editable fields and the contacts.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Popconfirm, Space, Spin, Tabs } from 'antd';
import { api, ApiError } from '../shared/api';
import { applyProblem, errorText } from '../shared/formErrors';
import { useI18n } from '../shared/i18n';
import { useSession, useSignedIn } from '../shared/session';
import { useCustomFields } from '../shared/customFields';
import { ActivityTimeline } from '../activities/ActivityTimeline';
import { AuditTab } from './AuditTab';
import { DuplicateWarning } from './DuplicateWarning';
import { OwnerTab } from './OwnerTab';
import { majorToMinor, minorToMajor } from '../shared/money';
import { PartyForm, type PartyFormValues } from './PartyForm';
import { ContactList } from './ContactList';
import type { Party, PartyKind } from './party';

interface Props {
  kind: PartyKind;
  /** null: a new record */
  id: string | null;
  onClose: () => void;
  onSaved: (party: Party, created: boolean) => void;
  onDeleted: (id: string) => void;
}

function toForm(p: Party, tenantCurrency: string): PartyFormValues {
  const currency = p.currency || tenantCurrency;
  return {
    code: p.code ?? '',
    name: p.name,
    kind: p.kind ?? 'company',
    registration_number: p.registration_number ?? '',
    level: p.level ?? '',
    industry: p.industry ?? '',
    source: p.source ?? '',
    region: p.region ?? '',
    tags: p.tags ?? [],
    phones: p.phones ?? [],
    emails: p.emails ?? [],
    website: p.website ?? '',
    billing_address: p.billing_address ?? {},
    shipping_address: p.shipping_address ?? {},
    payment_terms: p.payment_terms ?? '',
    credit_limit: minorToMajor(p.credit_limit, currency),
    currency,
    notes: p.notes ?? '',
    archived: p.archived ?? false,
    risk: p.risk ?? null,
    preferred_channel: p.preferred_channel ?? null,
    custom_fields: p.custom_fields ?? {},
  };
}

function fromForm(v: PartyFormValues, before: Party | null) {
  const body: Record<string, unknown> = {
    ...v,
    phones: (v.phones ?? []).filter((x) => x && x.number),
    emails: (v.emails ?? []).filter((x) => x && x.address),
    credit_limit: majorToMinor(v.credit_limit, v.currency),
    custom_fields: Object.fromEntries(Object.entries(v.custom_fields ?? {}).filter(([, x]) => x !== undefined)),
  };
  // profile fields go out only when set or known to the record, so a server without them still accepts the rest
  for (const key of ['risk', 'preferred_channel', 'custom_fields'] as const) {
    const value = body[key];
    const empty = value === null || value === undefined || value === '' || (typeof value === 'object' && Object.keys(value as object).length === 0);
    if (empty && (!before || !(key in before))) delete body[key];
    else if (value === undefined) body[key] = null;
  }
  return body;
}

export function PartyCard({ kind, id, onClose, onSaved, onDeleted }: Props) {
  const { t, language } = useI18n();
  const session = useSignedIn();
  const { can } = useSession();
  const customFields = useCustomFields(kind === 'customers' ? 'customer' : null);
  const { message } = App.useApp();
  const [form] = Form.useForm<PartyFormValues>();
  const [party, setParty] = useState<Party | null>(null);
  const [loading, setLoading] = useState(id !== null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const show = useCallback(
    (p: Party) => {
      setParty(p);
      form.resetFields();
      form.setFieldsValue(toForm(p, session.tenant.currency));
    },
    [form, session.tenant.currency],
  );

  const reload = useCallback(async () => {
    if (id === null) return;
    setLoading(true);
    try {
      show(await api.get<Party>(`/${kind}/${id}`));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setLoading(false);
    }
  }, [id, kind, show, t]);

  useEffect(() => {
    if (id === null) form.setFieldsValue(toForm({ id: '', name: '', version: 0 }, session.tenant.currency));
    else reload();
  }, [id, reload, form, session.tenant.currency]);

  const save = async (values: PartyFormValues) => {
    setSaving(true);
    setError(null);
    try {
      if (id === null) {
        const created = await api.post<Party>(`/${kind}`, fromForm(values, null));
        message.success(t('common.created'));
        onSaved(created, true);
      } else {
        const updated = await api.patch<Party>(`/${kind}/${id}`, fromForm(values, party), party?.version);
        show({ ...party, ...updated });
        message.success(t('common.saved'));
        onSaved(updated, false);
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        message.warning(t('common.versionConflict'));
        setError(t('common.versionConflict'));
        const current = e.problem.current as Party | undefined;
        if (current && current.id !== undefined) show({ ...party, ...current });
        else await reload();
      } else {
        setError(applyProblem(form, e, t));
      }
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (id === null) return;
    try {
      await api.del(`/${kind}/${id}`);
      message.success(t('common.deleted'));
      onDeleted(id);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'party_referenced') setError(t('party.referenced'));
      else setError(errorText(e, t));
    }
  };

  const title =
    id === null
      ? kind === 'customers'
        ? t('party.newCustomer')
        : t('party.newSupplier')
      : party
        ? `${party.name}${party.code ? ` (${party.code})` : ''}`
        : t('common.loading');

  const details = (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="party-error" />}
      <PartyForm form={form} onFinish={save} customFields={customFields} />
    </>
  );

  const footer = (
    <div>
      {kind === 'customers' && <DuplicateWarning form={form} excludeId={id} />}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        {id !== null && (
          <Popconfirm title={t('common.confirmDelete')} onConfirm={remove} okText={t('common.yes')} cancelText={t('common.no')}>
            <Button danger data-testid="party-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        )}
        <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="party-save">
          {t('common.save')}
        </Button>
      </Space>
    </div>
  );

  const tabs = [
    { key: 'details', label: t('party.details'), children: details, forceRender: true },
    {
      key: 'contacts',
      label: t('party.contacts'),
      children: <ContactList kind={kind} partyId={id ?? ''} initial={party?.contacts} />,
    },
  ];
  if (id !== null && kind === 'customers') {
    if (can('activities.read')) {
      tabs.push({
        key: 'activities',
        label: t('party.activities'),
        children: <ActivityTimeline partyId={id} canLog={can('activities.create')} onLogged={reload} />,
      });
    }
    if (party) {
      tabs.push({ key: 'owner', label: t('party.ownerTab'), children: <OwnerTab party={party} onChanged={reload} /> });
    }
    tabs.push({ key: 'audit', label: t('party.audit'), children: <AuditTab partyId={id} /> });
  }

  return (
    <Drawer
      open
      width={820}
      title={title}
      onClose={onClose}
      destroyOnClose
      footer={footer}
    >
      <Spin spinning={loading && !party}>
        {id === null ? (
          details
        ) : (
          <>
            {party && kind === 'customers' && (
              <Space size="large" wrap style={{ marginBottom: 8 }} data-testid="party-contact-dates">
                <span>
                  {t('party.owner')}: {party.owner_name ?? '—'}
                </span>
                <span>
                  {t('party.lastContact')}:{' '}
                  {party.last_contact_at ? new Date(party.last_contact_at).toLocaleString(language) : '—'}
                </span>
                <span>
                  {t('party.nextContact')}: {party.next_contact_date ?? '—'}
                </span>
              </Space>
            )}
            <Tabs items={tabs} data-testid="party-tabs" />
          </>
        )}
      </Spin>
    </Drawer>
  );
}
