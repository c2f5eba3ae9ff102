// Plain data, no schemas (plan-schema.ts has the plan's): the header's key badge reads these in the first load.

export const PLANS = ['free', 'basic', 'growth', 'scale', 'high_volume'] as const;
export type Plan = (typeof PLANS)[number];

/** The seed's plan table: its name, requests per minute and burst requests per second, per key. */
export const PLAN_LIMITS = {
  free: { label: 'Free', perMinute: 30, burstPerSecond: 5 },
  basic: { label: 'Basic', perMinute: 60, burstPerSecond: 10 },
  growth: { label: 'Growth', perMinute: 100, burstPerSecond: 20 },
  scale: { label: 'Scale', perMinute: 300, burstPerSecond: 30 },
  high_volume: { label: 'High Volume', perMinute: 500, burstPerSecond: 50 },
} as const satisfies Record<Plan, { label: string; perMinute: number; burstPerSecond: number }>;

/**
 * The plan whose limits the X-RateLimit-* headers show, for when GET /usage has not answered (an exhausted key's
 * 429): the table is the sandbox's, so a pair of limits names at most one plan. Without the burst (a server that
 * does not send it), the minute's limit alone must name it.
 */
export function planOfLimits(perMinute: number, burstPerSecond: number | undefined): Plan | null {
  const matches = PLANS.filter(
    (plan) =>
      PLAN_LIMITS[plan].perMinute === perMinute &&
      (burstPerSecond === undefined || PLAN_LIMITS[plan].burstPerSecond === burstPerSecond),
  );
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/** "30 requests a minute, 5 a second": one plan's limits as a person reads them. */
export const describePlanLimits = (plan: Plan) =>
  `${PLAN_LIMITS[plan].perMinute} requests a minute, ${PLAN_LIMITS[plan].burstPerSecond} a second`;

/** The two windows every key is limited in; a 429's `details.window` says which one refused the call. */
export type RateLimitWindow = 'minute' | 'second';
export const WINDOW_SECONDS = { minute: 60, second: 1 } as const satisfies Record<RateLimitWindow, number>;
