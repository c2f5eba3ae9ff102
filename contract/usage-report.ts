import { z } from 'zod';
import { REFUND_POLICIES } from './error-codes';
import { tierSchema } from './pricing';

/**
 * The `/usage` page's reports (ours): an account's scrapes over a period of days, by day, outcome, tier, error
 * code and target domain, and its refunds from the ledger. A day is a calendar day in `tz` (UTC unless asked).
 */

/** How a scrape ended, as the charts group it: charged, free from the cache, failed and refunded, or failed. */
export const USAGE_OUTCOMES = ['success', 'cached', 'refunded', 'failed'] as const;
export const usageOutcomeSchema = z.enum(USAGE_OUTCOMES);
export type UsageOutcome = z.infer<typeof usageOutcomeSchema>;

/** The longest period one report covers, in days. */
const MAX_REPORT_DAYS = 366;
/** The period a report covers when none is asked for: the last 30 days, today included. */
export const DEFAULT_REPORT_DAYS = 30;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const dayCount = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

const periodFields = {
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  tz: z.string().max(64).refine(isTimeZone, 'An IANA time zone, like UTC or Europe/Paris').default('UTC'),
};

type PeriodInput = { from?: string | undefined; to?: string | undefined };
const periodChecks = <S extends z.ZodType<PeriodInput>>(schema: S) =>
  schema
    .refine((query) => !query.from || !query.to || query.from <= query.to, {
      message: 'from is after to',
      path: ['from'],
    })
    .refine((query) => !query.from || !query.to || dayCount(query.from, query.to) <= MAX_REPORT_DAYS, {
      message: `At most ${MAX_REPORT_DAYS} days`,
      path: ['from'],
    });

export const usageReportQuerySchema = periodChecks(z.object(periodFields));
export type UsageReportQuery = z.input<typeof usageReportQuerySchema>;

/** The period a report covers, as the server resolved it: dates are inclusive, in `time_zone`. */
const periodSchema = {
  from: z.iso.date(),
  to: z.iso.date(),
  time_zone: z.string(),
};

const credits = {
  credits_charged: z.number().nonnegative(),
  credits_refunded: z.number().nonnegative(),
};

/** One day of the period, every day included (zeros on quiet days). */
export const usageDaySchema = z.object({
  date: z.iso.date(),
  requests: z.number().int().nonnegative(),
  outcomes: z.record(usageOutcomeSchema, z.number().int().nonnegative()),
  ...credits,
  errors: z.record(z.string(), z.number().int().nonnegative()),
});
export type UsageDay = z.infer<typeof usageDaySchema>;
export const usageDaysSchema = z.object({ ...periodSchema, days: z.array(usageDaySchema) });

export const usageTierSchema = z.object({ tier: tierSchema, requests: z.number().int().nonnegative(), ...credits });
export type UsageTier = z.infer<typeof usageTierSchema>;
export const usageTiersSchema = z.object({ ...periodSchema, tiers: z.array(usageTierSchema) });

/** One target host: what it cost, how often it worked, and the average tier its charged scrapes needed. */
export const usageDomainSchema = z.object({
  domain: z.string(),
  requests: z.number().int().nonnegative(),
  success_rate: z.number().min(0).max(1),
  ...credits,
  credits_net: z.number(),
  average_tier: z.number().nullable(),
});
export type UsageDomain = z.infer<typeof usageDomainSchema>;
/** Sorted by cost: net credits, most first. */
export const usageDomainsSchema = z.object({ ...periodSchema, domains: z.array(usageDomainSchema) });

export const refundListQuerySchema = periodChecks(
  z.object({
    ...periodFields,
    code: z
      .string()
      .regex(/^[A-Z_]+$/, 'An error code is upper case, like TIMEOUT')
      .optional(),
    cursor: z
      .string()
      .regex(/^\d+:\d+$/, 'A cursor is the next_cursor of the previous page')
      .optional(),
    /** Only refunds the policy does not expect. */
    mismatch: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
);
/** The query as a client sends it. */
export type RefundListQuery = Omit<z.input<typeof refundListQuerySchema>, 'limit' | 'mismatch'> & {
  limit?: number | undefined;
  mismatch?: boolean | undefined;
};

/**
 * One refund entry of the ledger with the refund policy of its code: `expected` says whether the policy
 * refunds it (null when the policy cannot tell), and a refund the policy does not expect is a mismatch.
 */
export const refundEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  request_id: z.string().nullable(),
  code: z.string().nullable(),
  credits: z.number().nonnegative(),
  domain: z.string().nullable(),
  policy: z.enum(REFUND_POLICIES).nullable(),
  expected: z.boolean().nullable(),
  mismatch: z.boolean(),
});
export type RefundEntry = z.infer<typeof refundEntrySchema>;
export const refundListSchema = z.object({
  ...periodSchema,
  refunds: z.array(refundEntrySchema),
  next_cursor: z.string().nullable(),
});
