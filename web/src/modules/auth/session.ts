// Who is signed in. The `me` query is the single source: null when nobody is signed in.
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { ApiError, api, setCsrfToken, unwrap, unwrapEmpty } from '../../api/client';
import type { Me, Session } from '../../api/types';

export const meKey = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET('/api/v1/me'));
    setCsrfToken(me.csrf_token);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQuery = queryOptions({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });

export function useMe() {
  return useQuery(meQuery);
}

let signedOutOnPurpose = false;

/** True after the person signed out themselves (then sign-in need not send them back anywhere). */
export function didSignOut(): boolean {
  return signedOutOnPurpose;
}

/** After sign-in or an accepted invitation: forget the previous person's data, remember this one. */
export function startSession(queryClient: QueryClient, session: Session): void {
  signedOutOnPurpose = false;
  setCsrfToken(session.csrf_token);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
  queryClient.setQueryData<Me>(meKey, session);
}

/** Forgets the session; `onPurpose` when the person signed out (rather than their session ending). */
export function endSession(queryClient: QueryClient, onPurpose = false): void {
  signedOutOnPurpose = onPurpose;
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
  queryClient.setQueryData<Me | null>(meKey, null);
}

export async function login(email: string, password: string): Promise<Session> {
  return unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
}

export async function logout(): Promise<void> {
  await unwrapEmpty(api.POST('/api/v1/auth/logout'));
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await logout();
    } catch {
      // Signed out already, or the server is gone: the browser forgets the session either way.
    }
    endSession(queryClient, true);
  };
}

/** The signed-in person, available to every page behind RequireAuth. */
export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() needs a signed-in person (wrap the page in RequireAuth)');
  return me;
}
