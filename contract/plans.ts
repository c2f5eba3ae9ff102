import { z } from 'zod';

export const planSchema = z.enum(['free', 'basic', 'growth', 'scale', 'high_volume']);
export type Plan = z.infer<typeof planSchema>;

/** The seed's plan table: requests per minute and burst requests per second, per key. */
export const PLAN_LIMITS: Record<Plan, { perMinute: number; burstPerSecond: number }> = {
  free: { perMinute: 30, burstPerSecond: 5 },
  basic: { perMinute: 60, burstPerSecond: 10 },
  growth: { perMinute: 100, burstPerSecond: 20 },
  scale: { perMinute: 300, burstPerSecond: 30 },
  high_volume: { perMinute: 500, burstPerSecond: 50 },
};

export const PLAN_LABELS: Record<Plan, string> = {
  free: 'Free',
  basic: 'Basic',
  growth: 'Growth',
  scale: 'Scale',
  high_volume: 'High Volume',
};
