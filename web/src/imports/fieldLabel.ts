// Translated names for the import fields the server lists; unknown fields show their own name.
import type { Translate } from '../shared/i18n';
import type { MessageKey } from '../shared/messages';

const LABELS: Record<string, MessageKey> = {
  code: 'party.code',
  name: 'party.name',
  kind: 'party.kind',
  registration_number: 'party.registrationNumber',
  level: 'party.level',
  industry: 'party.industry',
  source: 'party.source',
  region: 'party.region',
  tags: 'party.tags',
  phone: 'party.phone',
  phones: 'party.phones',
  emails: 'party.emails',
  fax: 'phone.fax',
  billing_address: 'party.billingAddress',
  shipping_address: 'party.shippingAddress',
  owner_id: 'party.owner',
  branch_id: 'user.branch',
  archived: 'party.archived',
  contact_name: 'party.contactName',
  contact_title: 'import.field.contactTitle',
  contact_phone: 'import.field.contactPhone',
  contact_email: 'import.field.contactEmail',
  email: 'party.email',
  website: 'party.website',
  payment_terms: 'party.paymentTerms',
  credit_limit: 'party.creditLimit',
  currency: 'party.currency',
  notes: 'party.notes',
  owner: 'party.owner',
  title: 'contact.title',
  department: 'contact.department',
  birthday: 'contact.birthday',
  specification: 'product.specification',
  unit: 'product.unit',
  category: 'product.category',
  unit_price: 'product.unitPrice',
  cost: 'product.cost',
  tax_rate: 'product.taxRate',
  active: 'product.active',
  city: 'address.city',
  postal_code: 'address.postalCode',
  country: 'address.country',
  address: 'address.line1',
  line1: 'address.line1',
  line2: 'address.line2',
};

export function fieldLabel(field: string, t: Translate): string {
  const key = LABELS[field];
  return key ? t(key) : field;
}
