// Types shared by the customer and supplier screens (both are parties).
import type { Id } from '../shared/api';

/** A custom field's value: text, number, ISO date, one choice or several. */
export type CustomValue = string | number | string[] | null;

export type PartyKind = 'customers' | 'suppliers';

export interface Address {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postal_code?: string;
  country?: string;
}

export interface Contact {
  id: Id;
  party_id: Id;
  name: string;
  title?: string;
  department?: string;
  phones?: { type: string; number: string }[];
  emails?: { type: string; address: string }[];
  messengers?: { type: string; id: string }[];
  birthday?: string | null;
  notes?: string;
  hobbies?: string;
  habits?: string;
  preferred_channel?: string | null;
  custom_fields?: Record<string, CustomValue>;
  version: number;
}

export interface Party {
  id: Id;
  code?: string;
  name: string;
  kind?: 'company' | 'person';
  registration_number?: string;
  roles?: string[];
  owner_id?: Id | null;
  owner_name?: string | null;
  branch_id?: Id | null;
  level?: string;
  industry?: string;
  source?: string;
  region?: string;
  tags?: string[];
  phones?: { type: string; number: string }[];
  emails?: { type: string; address: string }[];
  website?: string;
  billing_address?: Address | null;
  shipping_address?: Address | null;
  payment_terms?: string;
  credit_limit?: number | null;
  currency?: string;
  notes?: string;
  archived?: boolean;
  contact_name?: string | null;
  risk?: 'low' | 'medium' | 'high' | null;
  preferred_channel?: string | null;
  custom_fields?: Record<string, CustomValue>;
  last_contact_at?: string | null;
  next_contact_date?: string | null;
  contacts?: Contact[];
  created_at?: string;
  updated_at?: string;
  version: number;
}

export const PHONE_TYPES = ['work', 'mobile', 'fax', 'home', 'other'] as const;
export const MESSENGER_TYPES = ['kakaotalk', 'wechat', 'line', 'other'] as const;
export const RISKS = ['low', 'medium', 'high'] as const;
