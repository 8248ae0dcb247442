import type { Id } from '../shared/api';

export interface Product {
  id: Id;
  code: string;
  name: string;
  specification?: string;
  unit?: string;
  category?: string;
  unit_price?: string;
  cost?: string;
  tax_rate?: string;
  active?: boolean;
  created_at?: string;
  updated_at?: string;
  version: number;
}
