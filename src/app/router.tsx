import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, type RouterHistory } from '@tanstack/react-router';
import type { errorDetailSearchSchema, errorsSearchSchema } from '../features/error-reference/search';
import type { overviewSearchSchema } from '../features/overview/search';
import type { scrapeSearchSchema } from '../features/scrape/scrape-search';
import type { sessionsSearchSchema } from '../features/sessions/search';
import type { requestLogSearchSchema } from '../features/triage/log/search';
import type { triageSearchSchema } from '../features/triage/search';
import type { usageSearchSchema } from '../features/usage/search';
import type { webhooksSearchSchema } from '../features/webhooks/search';
import { sandboxQueries } from '../api/sandbox';
import { NotFoundPage } from './not-found-page';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';
import { checkedByPage } from '../lib/route-search';
import { lazyPage } from './lazy-page';
import { withApiKey } from './with-api-key';
import { startOverviewCalls } from '../features/overview/first-queries';

/** A page's own title, which the layout puts in the tab (see useDocumentTitle). */
const pageTitle = (title: string) => ({ meta: [{ title }] });

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  head: () => pageTitle('Overview'),
  validateSearch: checkedByPage<typeof overviewSearchSchema>(),
  staticData: { firstCalls: startOverviewCalls },
  // Only a connected visitor sees the overview: a first visit (the key prompt) does not load it.
  component: withApiKey(() => import('../features/overview/overview-page').then((page) => page.OverviewPage)),
});

const scrapeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/scrape',
  head: () => pageTitle('Scrape'),
  validateSearch: checkedByPage<typeof scrapeSearchSchema>(),
  // Its first content, the demo targets' box, is the sandbox's info: when the app opens here, asked with the app's
  // own code, and the first frame waits for it. Not in a loader: a route with one shows a frame after the header.
  staticData: { firstCalls: (queryClient) => queryClient.prefetchQuery(sandboxQueries.info()) },
  // The playground is the heaviest page: it loads when opened, not with the app.
  component: withApiKey(() => import('../features/scrape/scrape-page').then((page) => page.ScrapePage)),
});

const sessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions',
  head: () => pageTitle('Stored sessions'),
  validateSearch: checkedByPage<typeof sessionsSearchSchema>(),
  component: withApiKey(() => import('../features/sessions/sessions-page').then((page) => page.SessionsPage)),
});

const usageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/usage',
  head: () => pageTitle('Usage'),
  validateSearch: checkedByPage<typeof usageSearchSchema>(),
  // The charts (recharts) load with the page, never with the app.
  component: withApiKey(() => import('../features/usage/usage-page').then((page) => page.UsagePage)),
});

const rateLimitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rate-limits',
  head: () => pageTitle('Rate limits'),
  component: withApiKey(() => import('../features/rate-limits/rate-limits-page').then((page) => page.RateLimitsPage)),
});

const errorsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/errors',
  head: () => pageTitle('Error reference'),
  validateSearch: checkedByPage<typeof errorsSearchSchema>(),
  // The catalog's words load with the reference pages (or the first error shown), never with the app.
  component: lazyPage(() => import('../features/error-reference/errors-page').then((page) => page.ErrorsPage)),
});

const errorDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/errors/$code',
  head: ({ params }) => pageTitle(`${params.code.toUpperCase()} · Error reference`),
  validateSearch: checkedByPage<typeof errorDetailSearchSchema>(),
  component: lazyPage(() =>
    import('../features/error-reference/error-detail-page').then((page) => page.ErrorDetailPage),
  ),
});

const triageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/triage',
  head: () => pageTitle('Triage'),
  validateSearch: checkedByPage<typeof triageSearchSchema>(),
  component: withApiKey(() => import('../features/triage/triage-page').then((page) => page.TriagePage)),
});

const requestLogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/triage/log',
  head: () => pageTitle('Request log'),
  validateSearch: checkedByPage<typeof requestLogSearchSchema>(),
  component: withApiKey(() => import('../features/triage/log/log-page').then((page) => page.RequestLogPage)),
});

const requestDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/triage/requests/$id',
  head: ({ params }) => pageTitle(`Request ${params.id}`),
  component: withApiKey(() => import('../features/triage/request/request-page').then((page) => page.RequestPage)),
});

const webhooksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/webhooks',
  head: () => pageTitle('Webhooks'),
  validateSearch: checkedByPage<typeof webhooksSearchSchema>(),
  component: withApiKey(() => import('../features/webhooks/webhooks-page').then((page) => page.WebhooksPage)),
});

const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  head: () => pageTitle('Settings'),
  component: lazyPage(() => import('../features/settings/settings-page').then((page) => page.SettingsPage)),
});

const routeTree = rootRoute.addChildren([
  overviewRoute,
  scrapeRoute,
  sessionsRoute,
  usageRoute,
  rateLimitsRoute,
  errorsRoute,
  errorDetailRoute,
  settingsRoute,
  webhooksRoute,
  triageRoute,
  requestLogRoute,
  requestDetailRoute,
]);

/** `history` is the browser's unless a test passes a memory history. */
export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
    ...(history && { history }),
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
