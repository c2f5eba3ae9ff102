import { queryOptions } from '@tanstack/react-query';
import type { RequestLogQuery } from '../../contract/request-log';
import { getRequest, getSandboxInfo, getUsage, listRequests } from './endpoints/account';

/** Query keys from general to specific; fetchers beside them (TkDodo, "The Query Options API"). */
export const usageQueries = {
  all: () => ['usage'] as const,
  summary: () =>
    queryOptions({ queryKey: [...usageQueries.all(), 'summary'], queryFn: ({ signal }) => getUsage(signal) }),
};

export const sandboxQueries = {
  info: () =>
    queryOptions({
      queryKey: ['sandbox', 'info'],
      queryFn: ({ signal }) => getSandboxInfo(signal),
      staleTime: Infinity,
    }),
};

export const requestLogQueries = {
  all: () => ['requests'] as const,
  list: (query: RequestLogQuery) =>
    queryOptions({
      queryKey: [...requestLogQueries.all(), 'list', query],
      queryFn: ({ signal }) => listRequests(query, signal),
    }),
  detail: (requestId: string) =>
    queryOptions({
      queryKey: [...requestLogQueries.all(), 'detail', requestId],
      queryFn: ({ signal }) => getRequest(requestId, signal),
    }),
};
