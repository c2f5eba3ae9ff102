// The bare baseline of issue 11's first-load figure: React, ReactDOM, TanStack Router and TanStack Query with one
// route that runs one query, built with the project's own Vite config. The dashboard's first load is measured
// against this in the same run.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createRootRoute, createRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Home() {
  const info = useQuery({ queryKey: ['info'], queryFn: async () => (await fetch('/api/v1/sandbox/info')).json() });
  return <h1>{info.isSuccess ? 'Ready' : 'Loading'}</h1>;
}

const rootRoute = createRootRoute();
const router = createRouter({
  routeTree: rootRoute.addChildren([createRoute({ getParentRoute: () => rootRoute, path: '/', component: Home })]),
});
const queryClient = new QueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
