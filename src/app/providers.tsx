import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useCredentialsStore } from '../api/credentials-store';
import { useRateLimitStore } from '../api/rate-limit-store';
import type { createAppRouter } from './router';

/** The app's query client and router, made in main.tsx: the page it opens on starts with them, before the first render. */
export function AppProviders({
  queryClient,
  router,
}: {
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}) {
  // Another key or server means other data and other limits: start from nothing.
  useEffect(
    () =>
      useCredentialsStore.subscribe((next, previous) => {
        if (next.apiKey === previous.apiKey && next.apiBase === previous.apiBase) return;
        queryClient.clear();
        useRateLimitStore.getState().historyCleared();
      }),
    [queryClient],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
