import { z } from 'zod';
import { planSchema } from './plan-schema';

export const subscriptionStatusSchema = z.enum(['active', 'cancelled']);

export const usageSchema = z.object({
  plan: planSchema,
  rate_limit: z.object({
    per_minute: z.number().int().positive(),
    burst_per_second: z.number().int().positive(),
  }),
  balance_credits: z.number(),
  credits_used_month: z.number().nonnegative(),
  credits_refunded_month: z.number().nonnegative(),
  requests_month: z.number().int().nonnegative(),
  period_start: z.iso.datetime(),
  period_end: z.iso.datetime(),
  subscription_status: subscriptionStatusSchema,
  // The keys the official clients read (api-facts §2.4), with contract/money.ts's conversion. Those three in
  // microcents, as the Python SDK divides credits_available by 1,000,000 for dollars: the balance, the net
  // credits used this period, and their sum (pay as you go has no allowance: what you had this period).
  credits_available: z.number().int(),
  credits_used: z.number().int(),
  credits_limit: z.number().int(),
  balance_dollars: z.number(),
  requests_count: z.number().int().nonnegative(),
  subscription_tier: planSchema,
  billing_period_start: z.iso.datetime(),
  billing_period_end: z.iso.datetime(),
});
export type Usage = z.infer<typeof usageSchema>;

export const dailyUsageQuerySchema = z.object({
  days: z.coerce.number().int().min(1, 'At least 1 day').max(366, 'At most 366 days').default(30),
});

/** One UTC day of an account's use (ours). */
export const dailyUsageSchema = z.object({
  date: z.iso.date(),
  requests: z.number().int().nonnegative(),
  credits_charged: z.number().nonnegative(),
  credits_refunded: z.number().nonnegative(),
  cache_hits: z.number().int().nonnegative(),
  errors: z.record(z.string(), z.number().int().nonnegative()),
});
export const dailyUsageListSchema = z.array(dailyUsageSchema);
export type DailyUsage = z.infer<typeof dailyUsageSchema>;

export const auditLogQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().regex(/^\d+$/, 'A cursor is the next_cursor of the previous page').optional(),
    /** Entries to skip, newest first: official clients page by offset (api-facts §2.4), the dashboard by cursor. */
    offset: z
      .string()
      .regex(/^\d{1,15}$/, 'An offset is a whole number of entries to skip, 0 or more')
      .transform(Number)
      .optional(),
  })
  .refine((query) => query.cursor === undefined || query.offset === undefined, {
    path: ['offset'],
    message: 'Page by cursor or by offset, not both',
  });

/** One ledger entry: the balance is the sum of these. */
export const ledgerEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  kind: z.enum(['charge', 'refund', 'deposit']),
  credits: z.number(),
  request_id: z.string().nullable(),
  code: z.string().nullable(),
  url: z.string().nullable(),
});
export const auditLogPageSchema = z.object({
  entries: z.array(ledgerEntrySchema),
  /** Older entries remain: pass it as `cursor`. Given on offset pages too, so a client may switch. */
  next_cursor: z.string().nullable(),
  /** The account's ledger entries in all, whichever page this is. */
  total: z.number().int().nonnegative(),
  /** Entries older than this page's last remain, as next_cursor says; by offset, offset + entries < total. */
  has_more: z.boolean(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;
