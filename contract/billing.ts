import { z } from 'zod';

/** GET /billing/balance, as the MCP server reads it; amounts through contract/money.ts. */
export const billingBalanceSchema = z.object({
  balance_microcents: z.number().int(),
  /** "$4.20", as X-AlterLab-Balance writes it. */
  balance_display: z.string(),
  total_deposited_cents: z.number(),
  /** Net: what was charged less what was refunded. */
  total_spent_cents: z.number(),
});

/** At most this many hosts in `top_domains` (the MCP server's type). */
export const TOP_DOMAINS_LIMIT = 10;

/**
 * GET /billing/usage, as the MCP server reads it. Credits are net (charged less refunded); requests are scrapes.
 * Weeks run Monday to Sunday, UTC; `top_domains` covers the billing period (the calendar month).
 */
export const billingUsageSchema = z.object({
  today_credits: z.number(),
  this_week_credits: z.number(),
  this_month_credits: z.number(),
  total_credits: z.number(),
  today_requests: z.number().int().nonnegative(),
  this_week_requests: z.number().int().nonnegative(),
  top_domains: z
    .array(z.object({ domain: z.string(), credits_used: z.number(), requests: z.number().int().nonnegative() }))
    .max(TOP_DOMAINS_LIMIT),
  usage_since: z.iso.datetime().nullable(),
});
