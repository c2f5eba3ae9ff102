import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { RequestErrorsQuery } from '../../contract/request-detail';
import type { RequestLogQuery } from '../../contract/request-log';
import { request } from './http-client';

// The overview's recent requests are among the first calls the app starts (src/app/first-page.ts): the schemas load
// beside the calls (see SchemaSource), so starting them needs no zod.
const requestLog = () => import('../../contract/request-log');
const requestDetail = () => import('../../contract/request-detail');
const requestLogPageSchema = () => requestLog().then((module) => module.requestLogPageSchema);
const requestLogEntrySchema = () => requestLog().then((module) => module.requestLogEntrySchema);
const requestDetailSchema = () => requestDetail().then((module) => module.requestDetailSchema);
const requestErrorsSchema = () => requestDetail().then((module) => module.requestErrorsSchema);

/** The API's request log: GET /requests, GET /requests/{id}, GET /requests/errors (ours). */
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
  /** One logged request with everything recorded of it: parameters, billing and tiers, session, rate limit. */
  fullDetail: (requestId: string) =>
    queryOptions({
      queryKey: [...requestQueries.all(), 'detail', requestId, 'full'],
      queryFn: ({ signal }) =>
        request(requestDetailSchema, `/requests/${encodeURIComponent(requestId)}`, { signal }).then((r) => r.data),
      staleTime: Infinity,
    }),
  /** Failures grouped by code and target host over whole UTC days, with a count per day. */
  errors: (query: RequestErrorsQuery) =>
    queryOptions({
      queryKey: [...requestQueries.all(), 'errors', query],
      queryFn: ({ signal }) => request(requestErrorsSchema, '/requests/errors', { query, signal }).then((r) => r.data),
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
