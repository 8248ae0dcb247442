import type { Id } from '../shared/api';

export type ImportKind = 'customers' | 'suppliers' | 'contacts' | 'products' | 'employees';
export const IMPORT_KINDS: ImportKind[] = ['customers', 'suppliers', 'contacts', 'products', 'employees'];

export interface UploadedFile {
  id: Id;
  filename: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string;
  headers: string[];
  row_count: number;
  preview: string[][];
}

export interface ImportFields {
  /** `label` is given for the tenant's custom fields (`custom.<code>`). */
  fields: { field: string; required: boolean; label?: string }[];
  suggested_mapping: Record<string, string>;
}

export type Mapping = Record<string, string>;
export type DuplicatePolicy = 'skip' | 'update' | 'create';
export type DuplicateKey = 'code' | 'name';

export interface DryRunResult {
  total: number;
  valid: number;
  invalid: number;
  preview: { row: number; values: Record<string, unknown> }[];
  problems: { row: number; field: string; message: string }[];
}

export interface ImportJob {
  id: Id;
  kind: ImportKind;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  error?: string | null;
  created_at?: string;
  finished_at?: string | null;
}

export interface SavedMapping {
  id: Id;
  name: string;
  kind: ImportKind;
  mapping: Mapping;
}

export const ENCODINGS = ['UTF-8', 'CP949', 'EUC-KR', 'GB18030', 'GBK', 'Big5', 'Shift_JIS', 'UTF-16LE', 'UTF-16BE', 'Windows-1252', 'ISO-8859-1'];
export const DELIMITERS = [',', ';', 'tab', '|'];

/** Normalises a header or field name for same-name matching: "Company Name" ~ "company_name". */
export function fieldKey(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_\-.]+/g, '_');
}
