/**
 * Who is signed in: GET /api/auth/me through react-query, exposed as a context.
 * A 401 anywhere (session expired) clears it, and the router sends the user to /login.
 */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@hall/contracts';
import { ApiError, get, post } from './api';

export const meQueryKey = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await get<Me>('/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

interface AuthValue {
  me: Me | null;
  loading: boolean;
  error: unknown;
  /** After a sign-in: the server answered with the user. */
  setMe: (me: Me | null) => void;
  signOut: () => Promise<void>;
  refetch: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
  const setMe = useCallback(
    (me: Me | null) => {
      if (me === null) {
        qc.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      }
      qc.setQueryData(meQueryKey, me);
    },
    [qc],
  );
  const signOut = useCallback(async () => {
    try {
      await post('/auth/logout');
    } finally {
      qc.clear();
      qc.setQueryData(meQueryKey, null);
    }
  }, [qc]);
  const { refetch } = q;
  const value = useMemo<AuthValue>(
    () => ({
      me: q.data ?? null,
      loading: q.isPending,
      error: q.error,
      setMe,
      signOut,
      refetch: () => void refetch(),
    }),
    [q.data, q.isPending, q.error, setMe, signOut, refetch],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user, inside routes that require one. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
