import { queryOptions } from '@tanstack/react-query';
import { estimateSchema, type ScrapeRequest } from '../../contract/scrape';
import { request } from './http-client';

export const estimateQueries = {
  all: () => ['estimate'] as const,
  /**
   * POST /scrape/estimate: free in credits but not in rate limit, so each distinct request is asked once and its
   * answer kept (a scrape marks them old: a URL that worked is then estimated at the tier that worked). `body`
   * is the request as the form sends it, defaults left out, so equal requests share one key. Typing again beats
   * a retry.
   */
  forRequest: (body: ScrapeRequest) =>
    queryOptions({
      queryKey: [...estimateQueries.all(), body],
      queryFn: ({ signal }) =>
        request(estimateSchema, '/scrape/estimate', { method: 'POST', body, signal }).then((r) => r.data),
      staleTime: Infinity,
      // Kept well past the default 5 minutes without a watcher: going back to a request must not ask again.
      gcTime: 60 * 60_000,
      retry: false,
    }),
};
