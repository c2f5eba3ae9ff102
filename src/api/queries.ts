import { queryOptions } from '@tanstack/react-query';
import type { RequestLogQuery } from '../../contract/request-log';
import type { Job, ScrapeRequest } from '../../contract/scrape';
import { getRequest, getSandboxInfo, getUsage, listRequests } from './endpoints/account';
import { estimateScrape, getJob } from './endpoints/scrape';

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

const JOB_POLL_MS = 1000;
const isFinished = (job: Job | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

export const scrapeQueries = {
  all: () => ['scrape'] as const,
  estimate: (body: ScrapeRequest) =>
    queryOptions({
      queryKey: [...scrapeQueries.all(), 'estimate', body],
      queryFn: ({ signal }) => estimateScrape(body, signal),
      staleTime: 60_000,
      retry: false,
    }),
  /** A job polls once a second until it is done; polling stops when no component watches it. */
  job: (jobId: string) =>
    queryOptions({
      queryKey: [...scrapeQueries.all(), 'job', jobId],
      queryFn: ({ signal }) => getJob(jobId, signal),
      refetchInterval: (query) => (isFinished(query.state.data) || query.state.error ? false : JOB_POLL_MS),
      refetchIntervalInBackground: false,
      staleTime: 0,
      retry: false,
    }),
};
