import { z } from 'zod';
import { errorEnvelopeSchema } from './envelope';
import { scrapeModeSchema, tierSchema } from './pricing';
import { SCRAPE_DEFAULTS as DEFAULTS, SCRAPE_LIMITS as LIMITS } from './scrape-defaults';

export const scrapeFormatSchema = z.enum(['html', 'text', 'markdown', 'json']);
export type ScrapeFormat = z.infer<typeof scrapeFormatSchema>;

const httpUrl = z
  .string()
  .trim()
  .min(1, 'Enter the URL to scrape')
  .max(LIMITS.urlMaxLength, `A URL is at most ${LIMITS.urlMaxLength.toLocaleString('en-US')} characters`)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Enter a full http:// or https:// URL');

export const scrapeRequestSchema = z
  .object({
    url: httpUrl,
    mode: scrapeModeSchema.default(DEFAULTS.mode),
    formats: z.array(scrapeFormatSchema).min(1, 'Pick at least one format').optional(),
    sync: z.boolean().default(DEFAULTS.sync),
    timeout: z
      .number({ error: 'Enter the timeout in whole seconds' })
      .int('Whole seconds')
      .min(LIMITS.timeoutSeconds.min, `At least ${LIMITS.timeoutSeconds.min} second`)
      .max(LIMITS.timeoutSeconds.max, `At most ${LIMITS.timeoutSeconds.max} seconds`)
      .default(DEFAULTS.timeout),
    max_tier: tierSchema.default(DEFAULTS.max_tier),
    max_credits: z.number({ error: 'Enter a number of credits' }).positive('More than 0 credits').optional(),
    cache: z.boolean().default(DEFAULTS.cache),
    cache_ttl: z
      .number({ error: 'Enter the cache lifetime in seconds' })
      .int('Whole seconds')
      .min(LIMITS.cacheTtlSeconds.min, `At least ${LIMITS.cacheTtlSeconds.min} seconds`)
      .max(LIMITS.cacheTtlSeconds.max, `At most ${LIMITS.cacheTtlSeconds.max.toLocaleString('en-US')} seconds`)
      .default(DEFAULTS.cache_ttl),
    force_refresh: z.boolean().default(DEFAULTS.force_refresh),
    session_id: z.uuid('A session id is a UUID').optional(),
    cookies: z.record(z.string().min(1, 'A cookie needs a name'), z.string()).optional(),
    wait_for: z.string().min(1).max(LIMITS.waitForMaxLength).optional(),
  })
  .strict()
  .refine((request) => request.mode !== 'js' || request.max_tier === '3' || request.max_tier === '4', {
    message: 'mode js runs in the browser: allow tier 3 or 4',
    path: ['max_tier'],
  });
export type ScrapeRequest = z.input<typeof scrapeRequestSchema>;
export type ScrapeRequestParsed = z.output<typeof scrapeRequestSchema>;

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

export const jobSchema = z.object({
  job_id: z.string(),
  status: jobStatusSchema,
  result: scrapeResultSchema.nullable(),
  error: errorEnvelopeSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const estimateSchema = z.object({
  estimated_tier: tierSchema,
  estimated_credits: z.number().nonnegative(),
  max_possible_credits: z.number().nonnegative(),
  confidence: z.enum(['low', 'medium', 'high']),
});
export type Estimate = z.infer<typeof estimateSchema>;
