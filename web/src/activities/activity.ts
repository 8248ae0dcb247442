// Types of the contact log and the reminders, and the activity types a tenant offers.
import { useMemo } from 'react';
import type { Id } from '../shared/api';
import { useT } from '../shared/i18n';
import { useLists } from '../shared/lists';
import { en, ko, zhCN, type MessageKey } from '../shared/messages';

export interface Activity {
  id: Id;
  party_id: Id;
  party_name?: string;
  contact_id?: Id | null;
  contact_name?: string | null;
  type: string;
  occurred_at: string;
  duration_minutes?: number | null;
  employee_id?: Id | null;
  employee_name?: string | null;
  user_id?: Id | null;
  subject?: string;
  content?: string;
  outcome?: string;
  next_contact_date?: string | null;
  created_at?: string;
  version?: number;
}

/** One line of the Today page; later kinds (orders, receivables) bring fields of their own. */
export interface Reminder {
  kind: string;
  group: string;
  party_id?: Id;
  party_name?: string;
  owner_id?: Id | null;
  owner_name?: string | null;
  level?: string | null;
  due_date?: string | null;
  days_overdue?: number | null;
  days_since_contact?: number | null;
  last_contact_at?: string | null;
  [field: string]: unknown;
}

export interface Reminders {
  as_of: string;
  counts: Record<string, number>;
  items: Reminder[];
}

export const BUILTIN_ACTIVITY_TYPES = [
  'phone_call',
  'email',
  'wechat',
  'kakaotalk',
  'line',
  'messenger_other',
  'visit',
  'meeting',
  'note',
] as const;

/** The label of an activity type: the tenant's list first, then the built-in translation, then the code. */
export function useActivityTypes(): { options: { value: string; label: string }[]; label: (code: string) => string } {
  const t = useT();
  const { lists } = useLists();

  return useMemo(() => {
    const custom = new Map(lists.activity_types.map((i) => [i.code, i]));
    const builtinLabel = (code: string) =>
      (BUILTIN_ACTIVITY_TYPES as readonly string[]).includes(code) ? t(`activityType.${code}` as MessageKey) : code;
    // a built-in type whose label the tenant left at a shipped default speaks the user's language
    const isDefault = (code: string, text: string) =>
      [en, ko, zhCN].some((table) => table[`activityType.${code}` as MessageKey] === text);
    const label = (code: string) => {
      const item = custom.get(code);
      if (!item || !item.label || item.label === code || isDefault(code, item.label)) return builtinLabel(code);
      return item.label;
    };
    const codes = [
      ...BUILTIN_ACTIVITY_TYPES.filter((c) => custom.get(c)?.active !== false),
      ...lists.activity_types.filter((i) => i.active && !(BUILTIN_ACTIVITY_TYPES as readonly string[]).includes(i.code)).map((i) => i.code),
    ];
    return { options: codes.map((c) => ({ value: c, label: label(c) })), label };
  }, [lists.activity_types, t]);
}
