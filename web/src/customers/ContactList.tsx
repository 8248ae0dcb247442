// The contacts of one party, with add / edit / delete.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Popconfirm, Space, Table } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, buildUrl, type Page } from '../shared/api';
import { errorText } from '../shared/formErrors';
import { useT } from '../shared/i18n';
import { ContactForm } from './ContactForm';
import type { Contact, PartyKind } from './party';

const VCARD_VERSIONS = ['3.0', '4.0'] as const;

interface Props {
  kind: PartyKind;
  partyId: string;
  initial?: Contact[];
}

export function ContactList({ kind, partyId, initial }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [contacts, setContacts] = useState<Contact[]>(initial ?? []);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const answer = await api.get<Page<Contact> | Contact[]>(`/${kind}/${partyId}/contacts`);
      setContacts(Array.isArray(answer) ? answer : answer.items);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setLoading(false);
    }
  }, [kind, partyId, message, t]);

  useEffect(() => {
    reload();
  }, [reload]);

  const remove = async (c: Contact) => {
    try {
      await api.del(`/${kind}/${partyId}/contacts/${c.id}`, c.version);
      message.success(t('common.deleted'));
      reload();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button icon={<PlusOutlined />} size="small" onClick={() => setEditing('new')} data-testid="contact-add">
          {t('contact.new')}
        </Button>
        {kind === 'customers' && contacts.length > 0 && (
          <>
            <span>{t('contact.exportVcard')}:</span>
            {VCARD_VERSIONS.map((version) => (
              <Button
                key={version}
                size="small"
                icon={<DownloadOutlined />}
                href={buildUrl(`/customers/${partyId}/contacts.vcf`, { version })}
                download
                data-testid={`contacts-vcard-${version}`}
              >
                vCard {version}
              </Button>
            ))}
          </>
        )}
      </Space>
      <Table<Contact>
        size="small"
        rowKey={(c) => String(c.id)}
        loading={loading}
        dataSource={contacts}
        pagination={false}
        data-testid="contact-table"
        columns={[
          { key: 'name', dataIndex: 'name', title: t('contact.name') },
          { key: 'title', dataIndex: 'title', title: t('contact.title') },
          { key: 'department', dataIndex: 'department', title: t('contact.department') },
          { key: 'phone', title: t('party.phone'), render: (_, c) => c.phones?.map((p) => p.number).join(', ') },
          { key: 'email', title: t('party.email'), render: (_, c) => c.emails?.map((p) => p.address).join(', ') },
          {
            key: 'actions',
            width: 130,
            render: (_, c) => (
              <Space size="small">
                {kind === 'customers' &&
                  VCARD_VERSIONS.map((version) => (
                    <Button
                      key={version}
                      size="small"
                      type="text"
                      href={buildUrl(`/customers/${partyId}/contacts/${c.id}.vcf`, { version })}
                      download
                      title={`vCard ${version}`}
                    >
                      {version === '3.0' ? '3' : '4'}
                    </Button>
                  ))}
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(c)} />
                <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove(c)} okText={t('common.yes')} cancelText={t('common.no')}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ContactForm
          kind={kind}
          partyId={partyId}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </>
  );
}
