import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { startFreshOnCredentialsChange } from './fresh-start';
import type { createAppRouter } from './router';

/** The app's query client and router, made in main.tsx: the page it opens on starts with them, before the first render. */
export function AppProviders({
  queryClient,
  router,
}: {
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}) {
  useEffect(() => startFreshOnCredentialsChange(queryClient), [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
