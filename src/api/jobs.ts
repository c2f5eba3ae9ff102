import { queryOptions } from '@tanstack/react-query';
import { isJobFinished, jobSchema } from '../../contract/scrape';
import { request } from './http-client';
import { retryOptions } from './query-retry';

/** Every poll spends the rate limit (30 a minute on the free plan): a job is polled every 2 s, not faster. */
export const JOB_POLL_MS = 2000;

export const jobQueries = {
  all: () => ['jobs'] as const,
  /**
   * GET /jobs/{id}, polled until the job is done; polling stops when no component watches it. The user started
   * the job, so a refused poll waits out the rate limit and a 5xx backs off, as retryDecision says, and a long
   * job is not lost to one failed poll.
   */
  detail: (jobId: string) =>
    queryOptions({
      queryKey: [...jobQueries.all(), 'detail', jobId],
      queryFn: ({ signal }) =>
        request(jobSchema, `/jobs/${encodeURIComponent(jobId)}`, { signal, source: 'user' }).then((r) => r.data),
      refetchInterval: (query) => {
        const job = query.state.data;
        return (job && isJobFinished(job.status)) || query.state.error ? false : JOB_POLL_MS;
      },
      refetchIntervalInBackground: false,
      staleTime: 0,
      ...retryOptions({ waitOutRateLimit: true }),
    }),
};
