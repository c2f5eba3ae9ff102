import type { QueryClient } from '@tanstack/react-query';
import type { RequestOrigin } from '../../../contract/request-log';
import { requestQueries } from '../../api/requests';
import { sessionQueries } from '../../api/sessions';
import { usageQueries } from '../../api/usage';

/** Whose calls the recent requests list when the address does not say (`/?calls=dashboard` shows the dashboard's). */
export const DEFAULT_CALLS: RequestOrigin = 'user';

/** The overview's recent requests: the ten latest of `origin`. */
export const recentRequestsQuery = (origin: RequestOrigin) => requestQueries.list({ limit: 10, origin });

/**
 * What the overview asks first. Its panels read these, its gate waits for their first answers, and when the app
 * opens on the overview it starts them with its own code (src/app/first-page.ts), so they are on their way while
 * the page's code loads. No zod here: each call's schema loads beside it.
 */
export const overviewFirstQueries = (origin: RequestOrigin) =>
  [usageQueries.snapshot(), recentRequestsQuery(origin), sessionQueries.list()] as const;

/**
 * The overview's first calls, started before its code is there. `calls` is the address's own value, which only the
 * page's schema may read: when the address names one, the recent requests wait for the page.
 */
export function startOverviewCalls(queryClient: QueryClient, search: { calls?: unknown }): void {
  const [usage, recent, sessions] = overviewFirstQueries(DEFAULT_CALLS);
  void queryClient.prefetchQuery(usage);
  void queryClient.prefetchQuery(sessions);
  if (search.calls === undefined) void queryClient.prefetchQuery(recent);
}
