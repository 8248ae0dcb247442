// The reminder counts shown as badges in the navigation; the Today page refreshes them after a log.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api';
import { useSession } from './session';

type Counts = Record<string, number>;

interface ReminderCountsValue {
  counts: Counts | null;
  setCounts: (counts: Counts) => void;
  refresh: () => void;
}

const ReminderCountsContext = createContext<ReminderCountsValue>({ counts: null, setCounts: () => {}, refresh: () => {} });
const REFRESH_MS = 5 * 60_000;

export function ReminderCountsProvider({ children }: { children: ReactNode }) {
  const { can, session } = useSession();
  const allowed = can('activities.read');
  const [counts, setCounts] = useState<Counts | null>(null);

  const refresh = useCallback(() => {
    if (!allowed) return;
    api
      .get<{ counts: Counts }>('/reminders')
      .then((r) => setCounts(r.counts ?? null))
      .catch(() => setCounts(null));
  }, [allowed]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh, session?.tenant.id]);

  const value = useMemo(() => ({ counts, setCounts, refresh }), [counts, refresh]);
  return <ReminderCountsContext.Provider value={value}>{children}</ReminderCountsContext.Provider>;
}

export function useReminderCounts(): ReminderCountsValue {
  return useContext(ReminderCountsContext);
}
