import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { components } from './schema';
import { api, ApiProblem, csrfHeader, onUnauthorised, setCsrfToken, unwrap } from './client';

export type SessionView = components['schemas']['SessionView'];
export type StaffUser = SessionView['user'];
export type Role = StaffUser['role'];

/** Refresh this long before the idle expiry; a sleeping laptop may wake past it (then sign in). */
const REFRESH_MARGIN_MS = 2 * 60_000;
const CHANNEL = 'console-session';

interface SessionState {
  /** `undefined` while the first GET /auth/session is in flight. */
  readonly session: SessionView | null | undefined;
  /** Why the person sees the sign-in screen again (`expired` after a 401). */
  readonly endedBecause: 'expired' | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** The signed-in member of staff; only used under <RequireSession>, so never null there. */
export function useSession(): { user: StaffUser; session: SessionView; signOut(): Promise<void> } {
  const state = useContext(SessionContext);
  if (!state?.session) throw new Error('useSession outside a signed-in console');
  return { user: state.session.user, session: state.session, signOut: state.signOut };
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState outside <SessionProvider>');
  return state;
}

async function fetchSession(): Promise<SessionView | null> {
  const { data, response, error } = await api.GET('/api/v1/auth/session');
  if (response.status === 401) return null;
  if (!data) throw new ApiProblem(response, error);
  return data;
}

/**
 * Holds the console session: reads it on load, refreshes it before the idle expiry (one tab at
 * a time, through a Web Lock, the others told by a BroadcastChannel, since a refresh rotates
 * the id and a replayed old id revokes the session), and returns to sign-in on any 401.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionView | null | undefined>(undefined);
  const [endedBecause, setEndedBecause] = useState<'expired' | null>(null);
  const queryClient = useQueryClient();
  const channel = useMemo(
    () => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL)),
    [],
  );

  const adopt = useCallback(
    (next: SessionView | null, broadcast: boolean) => {
      setCsrfToken(next?.csrfToken ?? null);
      setSession(next);
      if (broadcast) channel?.postMessage(next);
    },
    [channel],
  );

  useEffect(() => {
    fetchSession().then(
      (s) => adopt(s, false),
      () => adopt(null, false),
    );
  }, [adopt]);

  useEffect(() => {
    if (!channel) return;
    const listener = (event: MessageEvent<SessionView | null>) => {
      adopt(event.data, false);
      if (event.data === null) queryClient.clear();
    };
    channel.addEventListener('message', listener);
    return () => channel.removeEventListener('message', listener);
  }, [channel, adopt, queryClient]);

  useEffect(
    () =>
      onUnauthorised(() => {
        setEndedBecause('expired');
        adopt(null, true);
        queryClient.clear();
      }),
    [adopt, queryClient],
  );

  useEffect(() => {
    if (!session) return;
    const due = new Date(session.idleExpiresAt).getTime() - REFRESH_MARGIN_MS - Date.now();
    const timer = setTimeout(
      () => void refreshOnce(session).then((s) => adopt(s, true)),
      Math.max(due, 1_000),
    );
    return () => clearTimeout(timer);
  }, [session, adopt]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const next = await unwrap(api.POST('/api/v1/auth/session', { body: { email, password } }));
      setEndedBecause(null);
      queryClient.clear();
      adopt(next, true);
    },
    [adopt, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.DELETE('/api/v1/auth/session', { params: { header: csrfHeader() } });
    } finally {
      queryClient.clear();
      adopt(null, true);
    }
  }, [adopt, queryClient]);

  const value = useMemo(
    () => ({ session, endedBecause, signIn, signOut }),
    [session, endedBecause, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * Refreshes unless another tab already did: under the lock, re-read the session first; a
 * fresher idle expiry than ours means another tab rotated it, and its csrfToken is adopted.
 */
async function refreshOnce(current: SessionView): Promise<SessionView | null> {
  const run = async (): Promise<SessionView | null> => {
    const latest = await fetchSession();
    if (!latest) return null;
    if (latest.idleExpiresAt > current.idleExpiresAt) return latest;
    const { data, response } = await api.POST('/api/v1/auth/session/refresh', {
      params: { header: csrfHeader() },
    });
    if (response.status === 401) return null;
    return data ?? latest;
  };
  const locks = globalThis.navigator?.locks;
  return locks ? locks.request('console-session-refresh', run) : run();
}

export function hasRole(user: StaffUser, ...roles: Role[]): boolean {
  return roles.includes(user.role);
}
