import type { Id } from '../shared/api';

export interface Tenant {
  id: Id;
  name: string;
  currency: string;
  timezone: string;
  locale: string;
  version?: number;
}

export interface Branch {
  id: Id;
  name: string;
  code: string;
}

export interface User {
  id: Id;
  email: string;
  name: string;
  role: string;
  branch_id: Id | null;
  active: boolean;
}

export const ROLES = ['owner', 'admin', 'manager', 'sales_rep', 'order_clerk', 'finance', 'purchasing', 'read_only'] as const;
export type Role = (typeof ROLES)[number];
