import { z } from 'zod';
import { errorEnvelopeSchema } from './envelope';

export const scrapeModeSchema = z.enum(['auto', 'html', 'js', 'pdf', 'ocr']);
export const scrapeFormatSchema = z.enum(['html', 'text', 'markdown', 'json']);
export const tierSchema = z.enum(['1', '2', '3', '4']);
export type Tier = z.infer<typeof tierSchema>;

/** Credits per tier and per-mode surcharges (ours). */
export const TIER_CREDITS: Record<Tier, number> = { '1': 1, '2': 2, '3': 5, '4': 20 };
export const MODE_SURCHARGE: Partial<Record<z.infer<typeof scrapeModeSchema>, number>> = { pdf: 2, ocr: 5 };

const httpUrl = z
  .string()
  .trim()
  .min(1, 'Enter the URL to scrape')
  .max(8192, 'A URL is at most 8,192 characters')
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
    mode: scrapeModeSchema.default('auto'),
    formats: z.array(scrapeFormatSchema).min(1, 'Pick at least one format').optional(),
    sync: z.boolean().default(true),
    timeout: z
      .number({ error: 'Enter the timeout in whole seconds' })
      .int('Whole seconds')
      .min(1, 'At least 1 second')
      .max(300, 'At most 300 seconds')
      .default(90),
    max_tier: tierSchema.default('3'),
    max_credits: z.number({ error: 'Enter a number of credits' }).positive('More than 0 credits').optional(),
    cache: z.boolean().default(false),
    cache_ttl: z
      .number({ error: 'Enter the cache lifetime in seconds' })
      .int('Whole seconds')
      .min(60, 'At least 60 seconds')
      .max(86_400, 'At most 86,400 seconds')
      .default(900),
    force_refresh: z.boolean().default(false),
    session_id: z.uuid('A session id is a UUID').optional(),
    cookies: z.record(z.string().min(1, 'A cookie needs a name'), z.string()).optional(),
    wait_for: z.string().min(1).max(500).optional(),
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

export const jobSchema = z.object({
  job_id: z.string(),
  status: z.enum(['queued', 'processing', 'succeeded', 'failed']),
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
