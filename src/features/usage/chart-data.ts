import { TIER_FACTS } from '../../../contract/pricing';
import { USAGE_OUTCOMES, type UsageDay, type UsageOutcome, type UsageTier } from '../../../contract/usage-report';

/** The charts' rows, built by the panels that own the queries: the charts and their tables only display them. */

export const OUTCOME_LABELS: Record<UsageOutcome, string> = {
  success: 'Succeeded, charged',
  cached: 'Cache hit, free',
  refunded: 'Failed, refunded',
  failed: 'Failed, not refunded',
};

export interface CreditsDay {
  date: string;
  charged: number;
  refunded: number;
  net: number;
}
export const creditsPerDay = (days: UsageDay[]): CreditsDay[] =>
  days.map((day) => ({
    date: day.date,
    charged: day.credits_charged,
    refunded: day.credits_refunded,
    net: day.credits_charged - day.credits_refunded,
  }));

export type OutcomesDay = { date: string; total: number } & Record<UsageOutcome, number>;
export const outcomesPerDay = (days: UsageDay[]): OutcomesDay[] =>
  days.map((day) => ({ date: day.date, total: day.requests, ...day.outcomes }));

export interface CodeCount {
  code: string;
  requests: number;
}
/** The period's errors by code, most frequent first. */
export function errorsByCode(days: UsageDay[]): CodeCount[] {
  const counts = new Map<string, number>();
  for (const day of days) {
    for (const [code, count] of Object.entries(day.errors)) counts.set(code, (counts.get(code) ?? 0) + count);
  }
  return [...counts]
    .map(([code, requests]) => ({ code, requests }))
    .sort((a, b) => b.requests - a.requests || a.code.localeCompare(b.code));
}

export type TierRow = UsageTier & { label: string; net: number };
export const tierRows = (tiers: UsageTier[]): TierRow[] =>
  tiers.map((tier) => ({
    ...tier,
    label: `Tier ${tier.tier} (${TIER_FACTS[tier.tier].name})`,
    net: tier.credits_charged - tier.credits_refunded,
  }));

export interface PeriodTotals {
  requests: number;
  charged: number;
  refunded: number;
  outcomes: Record<UsageOutcome, number>;
}
export function periodTotals(days: UsageDay[]): PeriodTotals {
  const outcomes = Object.fromEntries(USAGE_OUTCOMES.map((outcome) => [outcome, 0])) as Record<UsageOutcome, number>;
  let requests = 0;
  let charged = 0;
  let refunded = 0;
  for (const day of days) {
    requests += day.requests;
    charged += day.credits_charged;
    refunded += day.credits_refunded;
    for (const outcome of USAGE_OUTCOMES) outcomes[outcome] += day.outcomes[outcome];
  }
  return { requests, charged, refunded, outcomes };
}
