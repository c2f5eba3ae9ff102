import { queryOptions } from '@tanstack/react-query';
import type { RequestLogQuery } from '../../contract/request-log';
import type { Job, ScrapeRequest } from '../../contract/scrape';
import { getDailyUsage, getRequest, getSandboxInfo, getUsage, listRequests } from './endpoints/account';
import { estimateScrape, getJob } from './endpoints/scrape';

/** Query keys from general to specific; fetchers beside them (TkDodo, "The Query Options API"). */
export const usageQueries = {
  all: () => ['usage'] as const,
  summary: () =>
    queryOptions({ queryKey: [...usageQueries.all(), 'summary'], queryFn: ({ signal }) => getUsage(signal) }),
  daily: (days: number) =>
    queryOptions({
      queryKey: [...usageQueries.all(), 'daily', days],
      queryFn: ({ signal }) => getDailyUsage(days, signal),
    }),
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

import { isApiError } from './api-error';

/** Every poll spends the rate limit (30 a minute on the free plan): a job is polled every 2 s, not faster. */
const JOB_POLL_MS = 2000;
const MAX_POLL_RETRIES = 4;
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
  /**
   * A job is polled until it is done; polling stops when no component watches it. A poll refused by the rate
   * limit waits for the reset and a 5xx backs off, so a long job is not lost to one failed poll.
   */
  job: (jobId: string) =>
    queryOptions({
      queryKey: [...scrapeQueries.all(), 'job', jobId],
      queryFn: ({ signal }) => getJob(jobId, signal),
      refetchInterval: (query) => (isFinished(query.state.data) || query.state.error ? false : JOB_POLL_MS),
      refetchIntervalInBackground: false,
      staleTime: 0,
      retry: (failures, error) =>
        failures < MAX_POLL_RETRIES && isApiError(error) && (error.status === 429 || error.status >= 500),
      retryDelay: (failures, error) => {
        const wait = isApiError(error) ? Number(error.headers['retry-after'] ?? error.retryAfter) : NaN;
        return Number.isFinite(wait) && wait > 0 ? wait * 1000 : 1000 * 2 ** failures;
      },
    }),
};
