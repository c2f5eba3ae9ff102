import { queryOptions } from '@tanstack/react-query';
import { requestLogPageSchema, type RequestLogQuery } from '../../contract/request-log';
import { request } from './http-client';

/** The API's request log: GET /requests. */
export const requestQueries = {
  all: () => ['requests'] as const,
  list: (query: RequestLogQuery) =>
    queryOptions({
      queryKey: [...requestQueries.all(), 'list', query],
      queryFn: ({ signal }) => request(requestLogPageSchema, '/requests', { query, signal }).then((r) => r.data),
    }),
};
