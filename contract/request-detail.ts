import { z } from 'zod';
import { requestLogEntrySchema } from './request-log';
import { escalationSchema } from './scrape';

/** The X-RateLimit-* values a call was answered with (contract/headers.ts); null where the answer had none. */
export const answeredRateLimitSchema = z.object({
  limit: z.number().int().nullable(),
  remaining: z.number().int().nullable(),
  /** Epoch seconds, as the header carries it. */
  reset: z.number().int().nullable(),
  burst_limit: z.number().int().nullable(),
  burst_remaining: z.number().int().nullable(),
});
export type AnsweredRateLimit = z.infer<typeof answeredRateLimitSchema>;

/**
 * GET /requests/{request_id} (ours): the log entry, plus what support needs to answer a ticket. Recorded when the
 * call was answered; fields the call had nothing for are null (or empty), and rows logged before this existed have
 * only the entry's facts.
 */
export const requestDetailSchema = requestLogEntrySchema.extend({
  /** The scrape request as the server read it: cookie values masked (names kept), keys masked; never the API key. */
  parameters: z.record(z.string(), z.unknown()).nullable(),
  response: z.object({
    status: z.number().int(),
    code: z.string().nullable(),
    message: z.string().nullable(),
    duration_ms: z.number().nonnegative(),
  }),
  billing: z.object({
    estimated_credits: z.number().nonnegative().nullable(),
    credits_charged: z.number().nonnegative(),
    credits_refunded: z.number().nonnegative(),
    refunded: z.boolean(),
    tier_used: z.string().nullable(),
    /** The tiers tried, in order, as the result's or the failure's escalations told them. */
    escalations: z.array(escalationSchema),
    cached: z.boolean(),
  }),
  session: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  rate_limit: answeredRateLimitSchema.nullable(),
  /** The dashboard's page for the code, when the call failed. */
  doc_url: z.string().nullable(),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

/** The value that stands for a secret the detail never shows. */
export const MASKED_VALUE = '[redacted]';

/** How the errors view groups failures. */
export const ERROR_GROUPINGS = ['code', 'domain', 'code_domain'] as const;
const MAX_ERROR_DAYS = 90;

const instant = z.iso.datetime({ offset: true }).transform((value) => Date.parse(value));

/** GET /requests/errors: failures over whole UTC days, from the day of `since` to the day before `until`'s end. */
export const requestErrorsQuerySchema = z
  .object({
    since: instant,
    until: instant,
    group: z.enum(ERROR_GROUPINGS).default('code_domain'),
  })
  .refine((query) => query.since < query.until, { path: ['until'], message: 'until must be later than since' })
  .refine((query) => query.until - query.since <= MAX_ERROR_DAYS * 86_400_000, {
    path: ['until'],
    message: `A period of at most ${MAX_ERROR_DAYS} days`,
  });
export type RequestErrorsQuery = z.input<typeof requestErrorsQuerySchema>;
export type RequestErrorsFilter = z.output<typeof requestErrorsQuerySchema>;

export const errorGroupSchema = z.object({
  code: z.string().nullable(),
  /** The target's host; '' for calls without one (a refused key); null when grouped by code alone. */
  domain: z.string().nullable(),
  count: z.number().int().nonnegative(),
  refunded_credits: z.number().nonnegative(),
  /** Failures per day, one number per entry of `days`. */
  trend: z.array(z.number().int().nonnegative()),
});
export type ErrorGroup = z.infer<typeof errorGroupSchema>;

export const requestErrorsSchema = z.object({
  /** The UTC days counted, oldest first (YYYY-MM-DD). */
  days: z.array(z.string()),
  group: z.enum(ERROR_GROUPINGS),
  /** Most failures first. */
  groups: z.array(errorGroupSchema),
});
export type RequestErrors = z.infer<typeof requestErrorsSchema>;
