import type { QueryClient } from '@tanstack/react-query';
import type { AnyRoute } from '@tanstack/react-router';
import { useCredentialsStore } from '../api/credentials-store';
import type { LazyPage } from './lazy-page';
import type { createAppRouter } from './router';

/** An API slow to answer holds the first frame no longer than this: the page then shows its own loading state. */
const FIRST_CONTENT_WAIT_MS = 1_000;

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /**
     * The calls a connected page makes first, started when the app opens on it: with the app's code, not after
     * the page's. `search` is the address's own, unchecked (the page's schema loads with the page). A promise
     * returned holds the first frame until it settles: for a call whose answer is the page's first content.
     */
    firstCalls?: (queryClient: QueryClient, search: Record<string, unknown>) => Promise<unknown> | void;
  }
}

/**
 * The page the app opens on, started with the app's own code instead of after its first frame: the page's calls
 * (so the answers are on their way while code loads; the header's meter shows the first one) and the page's code.
 * Resolves when that code is in (and what the page's first calls hold the first frame for), so that the first frame
 * is the page, not a loading line: on a slow phone the page's code no longer runs as long tasks after the first
 * paint, where they kept the page unresponsive (Lighthouse's blocking time, bench/report.md).
 */
export async function startFirstPage(
  router: ReturnType<typeof createAppRouter>,
  queryClient: QueryClient,
): Promise<void> {
  const routes = router.routesById as Record<string, AnyRoute>;
  const matches = router.matchRoutes(router.state.location).map((match) => ({ match, route: routes[match.routeId] }));
  const connected = useCredentialsStore.getState().apiKey !== null;
  const firstContent = matches.map(({ match, route }) =>
    connected ? route?.options.staticData?.firstCalls?.(queryClient, match.search) : undefined,
  );
  const code = matches.map(({ route }) => (route?.options.component as Partial<LazyPage> | undefined)?.loadCode?.());
  // A failure is the page's to report, with its own loading and boundaries: the first frame just stops waiting.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const patience = new Promise((resolve) => (timer = setTimeout(resolve, FIRST_CONTENT_WAIT_MS)));
  await Promise.all([Promise.race([Promise.allSettled(firstContent), patience]), Promise.allSettled(code)]);
  clearTimeout(timer);
}
