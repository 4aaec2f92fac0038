import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api.ts';
import { makeRouter } from './router.tsx';
import { sessionQuery } from './session.ts';
import './styles.css';

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // The session ended (expired, or signed out elsewhere): back to the sign-in page.
    onError: (err) => {
      if (!(err instanceof ApiError) || err.status !== 401) return;
      queryClient.setQueryData(sessionQuery.queryKey, null);
      void router.navigate({ to: '/sign-in', search: { redirect: window.location.pathname + window.location.search } });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal (4xx) will not change by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});
const router = makeRouter(queryClient);

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
