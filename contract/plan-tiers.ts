import type { TierInfo } from './current-user';
import { PLAN_LIMITS, PLANS, type Plan } from './plans';

/**
 * The public API's balance tiers (api-facts §4, the docs' newer table), which are the seed's plans by name and
 * requests per minute: the balance each starts at, and its concurrent requests. The sandbox gives an account its
 * plan rather than deriving it from the balance, and does not limit concurrency; these are what GET /auth/me reports
 * of a plan, as the public API would.
 */
const PLAN_TIERS = {
  free: { fromBalanceUsd: 0, concurrentRequests: 3 },
  basic: { fromBalanceUsd: 5, concurrentRequests: 10 },
  growth: { fromBalanceUsd: 50, concurrentRequests: 15 },
  scale: { fromBalanceUsd: 200, concurrentRequests: 25 },
  high_volume: { fromBalanceUsd: 500, concurrentRequests: 50 },
} as const satisfies Record<Plan, { fromBalanceUsd: number; concurrentRequests: number }>;

/** A plan's `tier_info`: its band ends where the next plan's starts (PLANS is in order), the top one never. */
export function tierInfoOf(plan: Plan): TierInfo {
  const next = PLANS[PLANS.indexOf(plan) + 1] ?? null;
  const nextFrom = next === null ? null : PLAN_TIERS[next].fromBalanceUsd;
  return {
    name: PLAN_LIMITS[plan].label,
    slug: plan,
    requests_per_minute: PLAN_LIMITS[plan].perMinute,
    concurrent_requests: PLAN_TIERS[plan].concurrentRequests,
    min_balance_usd: PLAN_TIERS[plan].fromBalanceUsd,
    max_balance_usd: nextFrom,
    next_tier_slug: next,
    next_tier_threshold_usd: nextFrom,
  };
}
