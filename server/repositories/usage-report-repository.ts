import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { Tier } from '../../contract/pricing';
import type { UsageOutcome } from '../../contract/usage-report';

/** A range of quarter-hour buckets (epoch ms / BUCKET_MS), the end excluded. */
export interface BucketRange {
  from: number;
  to: number;
}

interface Sums {
  bucket: number;
  requests: number;
  credits_charged: number;
  credits_refunded: number;
}
export type OutcomeRow = Sums & { outcome: UsageOutcome };
export type TierRow = Sums & { tier: Tier };
export type CodeRow = Sums & { code: string };
export type DomainRow = Sums & { domain: string; successes: number; tier_total: number; tiered: number };

export interface RefundRow {
  id: number;
  at: number;
  request_id: string | null;
  code: string | null;
  credits: number;
  url: string | null;
}

export interface RefundFilter {
  fromMs: number;
  toMs: number;
  code: string | undefined;
  /** Only refunds of these codes (the ones the policy does not refund); undefined: every code. */
  onlyCodes: readonly string[] | undefined;
  /** The (time, id) of the last refund seen. */
  cursor: { at: number; id: number } | null;
  limit: number;
}

/**
 * What the `/usage` page reports: the quarter-hour roll-ups of a period (usage-report-migration.ts) and the
 * refunds of the ledger by time. Each read is one range of a primary key or index, never an account's history.
 */
export function createUsageReportRepository(db: Database.Database) {
  const range = <Row>(table: string, columns: string) =>
    db.prepare<[string, number, number], Row>(
      `SELECT bucket, ${columns}, requests, credits_charged, credits_refunded FROM ${table}
        WHERE account_id = ? AND bucket >= ? AND bucket < ? AND requests <> 0`,
    );
  const outcomes = range<OutcomeRow>('usage_outcomes_15m', 'outcome');
  const tiers = range<TierRow>('usage_tiers_15m', 'tier');
  const codes = range<CodeRow>('usage_codes_15m', 'code');
  const domains = range<DomainRow>('usage_domains_15m', 'domain, successes, tier_total, tiered');
  const refunds = db.prepare<Record<string, string | number | null>, RefundRow>(
    `SELECT id, at, request_id, code, credits, url FROM ledger
      WHERE account_id = @accountId AND kind = 'refund' AND at >= @from AND at < @to
        AND (@code IS NULL OR code = @code)
        AND (@onlyCodes IS NULL OR code IN (SELECT value FROM json_each(@onlyCodes)))
        AND (@cursorAt IS NULL OR at < @cursorAt OR (at = @cursorAt AND id < @cursorId))
      ORDER BY at DESC, id DESC LIMIT @limit`,
  );

  return {
    outcomes: (accountId: string, buckets: BucketRange) => outcomes.all(accountId, buckets.from, buckets.to),
    tiers: (accountId: string, buckets: BucketRange) => tiers.all(accountId, buckets.from, buckets.to),
    codes: (accountId: string, buckets: BucketRange) => codes.all(accountId, buckets.from, buckets.to),
    domains: (accountId: string, buckets: BucketRange) => domains.all(accountId, buckets.from, buckets.to),

    /** Newest first, one more than `limit` when there are more. */
    refunds: (accountId: string, filter: RefundFilter) =>
      refunds.all({
        accountId,
        from: filter.fromMs,
        to: filter.toMs,
        code: filter.code ?? null,
        onlyCodes: filter.onlyCodes ? JSON.stringify(filter.onlyCodes) : null,
        cursorAt: filter.cursor?.at ?? null,
        cursorId: filter.cursor?.id ?? null,
        limit: filter.limit,
      }),
  };
}

export type UsageReportRepository = ReturnType<typeof createUsageReportRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    usageReport: UsageReportRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('usageReport', createUsageReportRepository(app.db));
  },
  { name: 'usage-report-repository', dependencies: ['database'] },
);
