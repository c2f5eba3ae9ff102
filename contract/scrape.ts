import { z } from 'zod';
import { errorEnvelopeSchema } from './envelope';
import { tierSchema } from './pricing';
import { normaliseScrapeRequest } from './scrape-normalise';
import { scrapeRequestFieldsSchema } from './scrape-request';

/**
 * POST /scrape and /scrape/estimate: every documented field checked (scrape-request.ts), then read into the one
 * shape the server works with (scrape-normalise.ts). The dashboard's form validates with this same schema.
 */
export const scrapeRequestSchema = scrapeRequestFieldsSchema.transform(normaliseScrapeRequest);
export type ScrapeRequest = z.input<typeof scrapeRequestSchema>;
export { scrapeRequestParsedSchema, type ScrapeRequestParsed } from './scrape-normalise';
export { scrapeFormatSchema, type ScrapeFormat } from './scrape-request';

export const escalationSchema = z.object({
  tier: tierSchema,
  result: z.enum(['success', 'failed', 'skipped']),
  credits: z.number().nonnegative(),
  duration_ms: z.number().nonnegative(),
  error: z.string().nullable(),
});

export const scrapeResultSchema = z.object({
  url: z.string(),
  final_url: z.string(),
  status_code: z.number().int(),
  title: z.string().nullable(),
  content: z.union([z.string(), z.record(z.string(), z.unknown())]),
  cached: z.boolean(),
  request_id: z.string(),
  billing: z.object({
    total_credits: z.number().nonnegative(),
    tier_used: tierSchema.nullable(),
    cached: z.boolean(),
    escalations: z.array(escalationSchema),
  }),
  /** From the request's arrival to its answer (a job's: from its start to its end); a cache hit's is its own. */
  response_time_ms: z.number().int().nonnegative(),
  /** The size of the page as fetched, in bytes. */
  size_bytes: z.number().int().nonnegative(),
  /** With `include_raw_html`: the page's HTML as fetched (a browser tier's: the rendered DOM). */
  raw_html: z.string().optional(),
  /** With `screenshot`, when a browser tier got the page: a PNG, fetched with the same key. */
  screenshot_url: z.string().optional(),
  /** What the sandbox did not do of what was asked (documented fields it has no meaning for). */
  warning: z.string().optional(),
  /** A cache hit's: when the answer served was stored, and when it stops being served (the Python SDK reads both). */
  cached_at: z.string().optional(),
  expires_at: z.string().optional(),
});
export type ScrapeResult = z.infer<typeof scrapeResultSchema>;

export const jobAcceptedSchema = z.object({
  job_id: z.string(),
  status: z.literal('queued'),
  request_id: z.string(),
});

/** A job's life: queued → processing → succeeded or failed. */
export const JOB_STATUSES = ['queued', 'processing', 'succeeded', 'failed'] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;
export const isJobFinished = (status: JobStatus) => status === 'succeeded' || status === 'failed';
/**
 * How long an ended job can still be polled; after that GET /jobs/{id} answers 404 (api-facts §2.2, §5.2). The jobs
 * page's own figure was cut off in the docs; this is the 24 h result retention [D:lim] gives batches.
 */
export const JOB_RETENTION_HOURS = 24;

export const jobSchema = z.object({
  job_id: z.string(),
  status: jobStatusSchema,
  result: scrapeResultSchema.nullable(),
  /** A failed job's error as text, which the official clients show as it is. */
  error: z.string().nullable(),
  /** A failed job's error envelope (code, message, details, billing); the real API may not send it. */
  failure: errorEnvelopeSchema.nullish(),
});
export type Job = z.infer<typeof jobSchema>;

export const estimateSchema = z.object({
  url: z.string(),
  estimated_tier: tierSchema,
  estimated_credits: z.number().nonnegative(),
  max_possible_credits: z.number().nonnegative(),
  confidence: z.enum(['low', 'medium', 'high']),
  /** Why this tier: the page's history on this account, or where the mode and the cap start and stop. */
  reasoning: z.string(),
});
export type Estimate = z.infer<typeof estimateSchema>;
