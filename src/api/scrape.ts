import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { jobAcceptedSchema, scrapeResultSchema, type ScrapeRequest, type ScrapeResult } from '../../contract/scrape';
import { estimateQueries } from './estimate';
import { request } from './http-client';
import { requestQueries } from './requests';
import { sessionQueries } from './sessions';
import { usageQueries } from './usage';

const runAnswerSchema = z.union([scrapeResultSchema, jobAcceptedSchema]);

/** What POST /scrape answers: the result (200), or the job to poll (202). */
export type RunAnswer = { kind: 'result'; result: ScrapeResult } | { kind: 'job'; jobId: string };

const scrapeQueries = {
  all: () => ['scrape'] as const,
};

/**
 * A scrape (or a job finishing) changes the balance, the day's totals, the log and the counters of the session it
 * used: they refetch when next shown, not now, since every call spends the rate limit.
 */
export function scrapeChangedAccount(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: usageQueries.all(), refetchType: 'none' });
  void queryClient.invalidateQueries({ queryKey: requestQueries.all(), refetchType: 'none' });
  void queryClient.invalidateQueries({ queryKey: sessionQueries.all(), refetchType: 'none' });
  void queryClient.invalidateQueries({ queryKey: estimateQueries.all(), refetchType: 'none' });
}

export const scrapeMutations = {
  /**
   * POST /scrape, one try: whoever runs it decides about retries (retryDecision), since a person may watch the
   * wait, skip it or cancel it. The user asked for it, so the meter says so. `signal` aborts the call.
   */
  run: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...scrapeQueries.all(), 'run'],
      mutationFn: async ({ body, signal }: { body: ScrapeRequest; signal: AbortSignal }): Promise<RunAnswer> => {
        const { data } = await request(runAnswerSchema, '/scrape', { method: 'POST', body, signal, source: 'user' });
        return 'job_id' in data ? { kind: 'job', jobId: data.job_id } : { kind: 'result', result: data };
      },
      onSettled: () => scrapeChangedAccount(queryClient),
    }),
};
