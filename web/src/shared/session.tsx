// The signed-in session: who, which tenant, permissions and the CSRF token.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler, type Id } from './api';

export interface Session {
  user: { id: Id; email: string; name: string };
  tenant: { id: Id; name: string; currency: string; timezone: string; locale: string };
  role: string;
  permissions: string[];
  scope: string;
  tenants: { id: Id; name: string; role: string }[];
  csrf_token: string;
}

interface SessionValue {
  session: Session | null;
  loading: boolean;
  setSession: (session: Session | null) => void;
  signOut: () => Promise<void>;
  switchTenant: (tenantId: Id) => Promise<void>;
  can: (permission: string) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);

  const setSession = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrf_token ?? '');
    setSessionState(next);
  }, []);

  useEffect(() => {
    let live = true;
    api
      .get<Session>('/session', undefined, { quiet401: true })
      .then((s) => live && setSession(s))
      .catch(() => live && setSession(null))
      .finally(() => live && setLoading(false));
    setUnauthorizedHandler(() => setSession(null));
    return () => {
      live = false;
      setUnauthorizedHandler(null);
    };
  }, [setSession]);

  const signOut = useCallback(async () => {
    try {
      await api.del('/session');
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
    }
    setSession(null);
  }, [setSession]);

  const switchTenant = useCallback(
    async (tenantId: Id) => {
      const next = await api.post<Session>('/session/tenant', { tenant_id: tenantId });
      setSession(next);
    },
    [setSession],
  );

  const value = useMemo<SessionValue>(
    () => ({
      session,
      loading,
      setSession,
      signOut,
      switchTenant,
      can: (permission) => {
        if (!session) return false;
        if (session.role === 'owner' || !session.permissions || session.permissions.length === 0) return true;
        return session.permissions.includes(permission);
      },
    }),
    [session, loading, setSession, signOut, switchTenant],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The session of a page that is only rendered when signed in. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('not signed in');
  return session;
}
