import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { requestLogEntrySchema, requestLogPageSchema, type RequestLogQuery } from '../../contract/request-log';
import { request } from './http-client';

/** The API's request log: GET /requests, GET /requests/{id}. */
export const requestQueries = {
  all: () => ['requests'] as const,
  list: (query: RequestLogQuery) =>
    queryOptions({
      queryKey: [...requestQueries.all(), 'list', query],
      queryFn: ({ signal }) => request(requestLogPageSchema, '/requests', { query, signal }).then((r) => r.data),
    }),
  /** One logged request; a request of another key, or none, is 404. */
  detail: (requestId: string) =>
    queryOptions({
      queryKey: [...requestQueries.all(), 'detail', requestId],
      queryFn: ({ signal }) =>
        request(requestLogEntrySchema, `/requests/${encodeURIComponent(requestId)}`, { signal }).then((r) => r.data),
      // A logged request never changes.
      staleTime: Infinity,
    }),
};

/**
 * The request log a page at a time, newest first, for the triage log: each page's `next_cursor` reads on, so
 * pages stay stable while new calls arrive. Its own key beside `list`, since an infinite query's cache differs.
 */
export const requestLogPages = (query: Omit<RequestLogQuery, 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: [...requestQueries.all(), 'pages', query],
    queryFn: ({ pageParam, signal }) =>
      request(requestLogPageSchema, '/requests', { query: { ...query, cursor: pageParam }, signal }).then(
        (r) => r.data,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
