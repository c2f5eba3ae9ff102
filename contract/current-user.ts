import { z } from 'zod';
import { planSchema } from './plan-schema';

/** The plan's row of the public API's balance tiers, as GET /auth/me reports it (api-facts §2.4). */
const tierInfoSchema = z.object({
  name: z.string(),
  slug: planSchema,
  requests_per_minute: z.number().int().positive(),
  concurrent_requests: z.number().int().positive(),
  min_balance_usd: z.number().nonnegative(),
  /** null: the top tier, with no upper bound. */
  max_balance_usd: z.number().positive().nullable(),
  next_tier_slug: planSchema.nullable(),
  /** The balance the next tier starts at; null at the top tier. */
  next_tier_threshold_usd: z.number().positive().nullable(),
});
export type TierInfo = z.infer<typeof tierInfoSchema>;

/**
 * GET /auth/me, which the browser extension calls with X-API-Key and the MCP server types (api-facts §2.4): the
 * caller's account. Never the key. Credits in microcents, through contract/money.ts.
 */
export const currentUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  avatar_url: z.string().nullable(),
  created_at: z.iso.datetime(),
  subscription_tier: planSchema,
  /** The balance. */
  credits_remaining: z.number().int(),
  /** Every deposit the account ever had. */
  credits_total: z.number().int().nonnegative(),
  welcome_shown: z.boolean(),
  reduced_bonus: z.boolean(),
  tier_info: tierInfoSchema,
});
