import { z } from 'zod';
import { planSchema } from './plans';

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
});
export type Usage = z.infer<typeof usageSchema>;
