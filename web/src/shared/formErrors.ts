// Puts a problem+json answer onto an Ant Design form: field errors on their fields, the rest as a message.
import type { FormInstance } from 'antd';
import { ApiError } from './api';
import type { Translate } from './i18n';

/** "emails[0].address" → ["emails", 0, "address"] */
export function pathToName(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const piece of path.split('.')) {
    const re = /([^[\]]+)|\[(\d+)\]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(piece))) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  }
  return parts;
}

/** Text for an error that is not tied to a field. */
export function errorText(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('common.networkError');
    if (err.status === 412) return t('common.versionConflict');
    const fieldText = err.fieldErrors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
    return [err.problem.detail || err.problem.title, fieldText].filter(Boolean).join(' — ') || t('common.error');
  }
  return err instanceof Error ? err.message : t('common.error');
}

/**
 * Shows field errors on the form. Returns the text of whatever could not be placed on a field
 * (or null when everything landed on a field).
 */
export function applyProblem(form: FormInstance, err: unknown, t: Translate): string | null {
  if (!(err instanceof ApiError) || err.fieldErrors.length === 0) return errorText(err, t);
  const unplaced: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  for (const fe of err.fieldErrors) {
    const name = pathToName(fe.path || '');
    if (!registered.has(JSON.stringify(name))) {
      unplaced.push(fe.path ? `${fe.path}: ${fe.message}` : fe.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(fe.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map((e) => ({ name: e.name, errors: e.errors })));
  if (byField.size > 0) {
    const first = [...byField.values()][0].name;
    form.scrollToField(first);
  }
  return unplaced.length ? unplaced.join('; ') : null;
}
