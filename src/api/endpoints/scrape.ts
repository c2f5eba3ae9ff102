import { z } from 'zod';
import {
  estimateSchema,
  jobAcceptedSchema,
  jobSchema,
  scrapeResultSchema,
  type ScrapeRequest,
} from '../../../contract/scrape';
import { request } from '../http-client';

const runAnswerSchema = z.union([scrapeResultSchema, jobAcceptedSchema]);

export type RunAnswer =
  | { kind: 'result'; result: z.infer<typeof scrapeResultSchema>; headers: Record<string, string> }
  | { kind: 'job'; job: z.infer<typeof jobAcceptedSchema>; headers: Record<string, string> };

/** POST /scrape: the result (200), or the job to poll (202). The user asked for it, so the meter says so. */
export async function runScrape(body: ScrapeRequest, signal?: AbortSignal): Promise<RunAnswer> {
  const response = await request(runAnswerSchema, '/scrape', { method: 'POST', body, signal, source: 'user' });
  const data = response.data;
  if ('job_id' in data) return { kind: 'job', job: data, headers: response.headers };
  return { kind: 'result', result: data, headers: response.headers };
}

/** GET /jobs/{id}: polling an async scrape the user started. */
export const getJob = (jobId: string, signal?: AbortSignal) =>
  request(jobSchema, `/jobs/${encodeURIComponent(jobId)}`, { signal, source: 'user' }).then((r) => r.data);

/** POST /scrape/estimate: free, asked by the dashboard as the form changes. */
export const estimateScrape = (body: ScrapeRequest, signal?: AbortSignal) =>
  request(estimateSchema, '/scrape/estimate', { method: 'POST', body, signal }).then((r) => r.data);
