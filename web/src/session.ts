import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './api.ts';
import type { Session } from './types.ts';

/** The signed-in session, or null when signed out. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<Session | null> => {
    try {
      const s = await api.get('/auth/session');
      setCsrfToken(s.csrfToken);
      return s;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: 5 * 60_000,
});

/** Signs in; `organization` (an id) chooses among the organizations the email and password open. */
export async function signIn(
  queryClient: QueryClient,
  email: string,
  password: string,
  organization?: string,
): Promise<Session> {
  const s = await api.post('/auth/sign-in', { body: { email, password, ...(organization ? { organization } : {}) } });
  setCsrfToken(s.csrfToken);
  queryClient.setQueryData(sessionQuery.queryKey, s);
  return s;
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  await api.post('/auth/sign-out');
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(sessionQuery.queryKey, null);
}
