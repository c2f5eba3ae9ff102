import { ERROR_CODES, factsOf, type ErrorCode, type RefundPolicy } from '../../../contract/error-codes';
import { TIERS } from '../../../contract/pricing';
import {
  USAGE_OUTCOMES,
  type RefundEntry,
  type UsageDay,
  type UsageDomain,
  type UsageOutcome,
  type UsageTier,
} from '../../../contract/usage-report';
import type { CodeRow, DomainRow, OutcomeRow, RefundRow, TierRow } from '../../repositories/usage-report-repository';
import type { ZonedPeriod } from './zoned-days';

/**
 * The reports built from a period's roll-up rows: a handful of rows per quarter hour with traffic, summed into
 * the zone's days here, so the SQL stays one range read whatever the zone.
 */

const noOutcomes = () =>
  Object.fromEntries(USAGE_OUTCOMES.map((outcome) => [outcome, 0])) as Record<UsageOutcome, number>;

export function daysOf(period: ZonedPeriod, outcomes: OutcomeRow[], codes: CodeRow[]): UsageDay[] {
  const days = new Map<string, UsageDay>(
    period.dates.map((date) => [
      date,
      { date, requests: 0, outcomes: noOutcomes(), credits_charged: 0, credits_refunded: 0, errors: {} },
    ]),
  );
  for (const row of outcomes) {
    const day = days.get(period.dateOfBucket(row.bucket));
    if (!day) continue;
    day.requests += row.requests;
    day.outcomes[row.outcome] += row.requests;
    day.credits_charged += row.credits_charged;
    day.credits_refunded += row.credits_refunded;
  }
  for (const row of codes) {
    const day = days.get(period.dateOfBucket(row.bucket));
    if (day) day.errors[row.code] = (day.errors[row.code] ?? 0) + row.requests;
  }
  return [...days.values()];
}

export function tiersOf(rows: TierRow[]): UsageTier[] {
  const tiers = new Map<string, UsageTier>();
  for (const row of rows) {
    const tier = tiers.get(row.tier) ?? { tier: row.tier, requests: 0, credits_charged: 0, credits_refunded: 0 };
    tier.requests += row.requests;
    tier.credits_charged += row.credits_charged;
    tier.credits_refunded += row.credits_refunded;
    tiers.set(row.tier, tier);
  }
  return TIERS.flatMap((tier) => tiers.get(tier) ?? []);
}

/** By cost: net credits, then credits charged, then requests, then the name. */
export function domainsOf(rows: DomainRow[]): UsageDomain[] {
  const sums = new Map<string, Omit<DomainRow, 'bucket'>>();
  for (const row of rows) {
    const sum = sums.get(row.domain) ?? {
      ...row,
      requests: 0,
      credits_charged: 0,
      credits_refunded: 0,
      successes: 0,
      tier_total: 0,
      tiered: 0,
    };
    sum.requests += row.requests;
    sum.successes += row.successes;
    sum.credits_charged += row.credits_charged;
    sum.credits_refunded += row.credits_refunded;
    sum.tier_total += row.tier_total;
    sum.tiered += row.tiered;
    sums.set(row.domain, sum);
  }
  return [...sums.values()]
    .map((sum) => ({
      domain: sum.domain,
      requests: sum.requests,
      success_rate: sum.requests ? sum.successes / sum.requests : 0,
      credits_charged: sum.credits_charged,
      credits_refunded: sum.credits_refunded,
      credits_net: sum.credits_charged - sum.credits_refunded,
      average_tier: sum.tiered ? Math.round((sum.tier_total / sum.tiered) * 100) / 100 : null,
    }))
    .sort(
      (a, b) =>
        b.credits_net - a.credits_net ||
        b.credits_charged - a.credits_charged ||
        b.requests - a.requests ||
        a.domain.localeCompare(b.domain),
    );
}

const KNOWN_CODES = new Set<string>(ERROR_CODES.map((facts) => facts.code));

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

const expectedOf = (policy: RefundPolicy | null) =>
  policy === 'refunded' ? true : policy === 'not-refunded' || policy === 'not-charged' ? false : null;

/** The codes whose refund is a mismatch: the policy says they are not refunded, or not charged at all. */
export const UNREFUNDED_CODES = [...KNOWN_CODES].filter(
  (code) => expectedOf(factsOf(code as ErrorCode).refund) === false,
);

/** A refund beside what the contract's refund policy says of its code; a refund the policy rules out is flagged. */
export function refundEntryOf(row: RefundRow): RefundEntry {
  const policy = row.code && KNOWN_CODES.has(row.code) ? factsOf(row.code as ErrorCode).refund : null;
  const expected = expectedOf(policy);
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    request_id: row.request_id,
    code: row.code,
    credits: row.credits,
    domain: hostOf(row.url),
    policy,
    expected,
    mismatch: expected === false,
  };
}
