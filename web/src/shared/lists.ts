// Tenant-editable lists of values (levels, sources, industries, regions, activity types), fetched once
// per page load and shared by every select that offers them.
import { useCallback, useEffect, useState } from 'react';
import { api, type Id } from './api';

export const LIST_NAMES = ['levels', 'sources', 'industries', 'regions', 'activity_types'] as const;
export type ListName = (typeof LIST_NAMES)[number];

export interface ListItem {
  id: Id;
  code: string;
  label: string;
  position: number;
  active: boolean;
  version?: number;
}

export type Lists = Record<ListName, ListItem[]>;

const EMPTY: Lists = { levels: [], sources: [], industries: [], regions: [], activity_types: [] };

let cached: Promise<Lists> | null = null;
const listeners = new Set<(lists: Lists) => void>();

function fetchLists(): Promise<Lists> {
  return api
    .get<Partial<Lists>>('/lists')
    .then((answer) => {
      const lists = { ...EMPTY };
      for (const name of LIST_NAMES) {
        lists[name] = [...(answer?.[name] ?? [])].sort((a, b) => a.position - b.position);
      }
      return lists;
    })
    .catch(() => EMPTY);
}

/** Forgets the cached lists (after an edit in the settings) and tells every user of them. */
export async function reloadLists(): Promise<Lists> {
  cached = fetchLists();
  const lists = await cached;
  listeners.forEach((l) => l(lists));
  return lists;
}

export function useLists(): { lists: Lists; loaded: boolean; reload: () => Promise<Lists> } {
  const [lists, setLists] = useState<Lists>(EMPTY);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    if (!cached) cached = fetchLists();
    cached.then((l) => {
      if (!live) return;
      setLists(l);
      setLoaded(true);
    });
    const listener = (l: Lists) => live && setLists(l);
    listeners.add(listener);
    return () => {
      live = false;
      listeners.delete(listener);
    };
  }, []);

  const reload = useCallback(() => reloadLists(), []);
  return { lists, loaded, reload };
}

/** Select options of the active items, keeping `current` selectable when it is inactive or unknown. */
export function listOptions(items: ListItem[], current?: string | null): { value: string; label: string }[] {
  const options = items.filter((i) => i.active).map((i) => ({ value: i.code, label: i.label || i.code }));
  if (current && !options.some((o) => o.value === current)) {
    const known = items.find((i) => i.code === current);
    options.push({ value: current, label: known?.label || current });
  }
  return options;
}

/** The label of `code` in a list, or the code itself. */
export function listLabel(items: ListItem[], code?: string | null): string {
  if (!code) return '';
  return items.find((i) => i.code === code)?.label || code;
}
