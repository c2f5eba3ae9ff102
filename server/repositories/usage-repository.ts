import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';

/** An account's ledger summed over its whole life (kept by migration 5's trigger), and since when it exists. */
export interface AccountTotals {
  balance: number;
  deposited: number;
  charged: number;
  refunded: number;
  createdAt: number;
}

/** The starts of the periods usage is reported for, in epoch ms; `since` is the earliest of them. */
export interface UsageMarks {
  today: number;
  week: number;
  month: number;
}

/** The page's host, or null for a URL that has none. */
function hostOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/**
 * What GET /billing/* reports. Every query is one row by key or a range of time on an index, so none reads an
 * account's whole history however long it grows. Credits "used" are net: charged less refunded.
 */
export function createUsageRepository(db: Database.Database) {
  db.function('url_host', { deterministic: true }, hostOf);
  const totals = db.prepare<[string], AccountTotals>(
    `SELECT coalesce(t.balance, 0) AS balance, coalesce(t.deposited, 0) AS deposited,
            coalesce(t.charged, 0) AS charged, coalesce(t.refunded, 0) AS refunded, a.created_at AS createdAt
       FROM accounts a LEFT JOIN account_totals t ON t.account_id = a.id WHERE a.id = ?`,
  );
  const spent = db.prepare<Record<string, string | number>, UsageMarks>(
    `SELECT coalesce(-sum(CASE WHEN at >= @today THEN credits END), 0) AS today,
            coalesce(-sum(CASE WHEN at >= @week THEN credits END), 0) AS week,
            coalesce(-sum(CASE WHEN at >= @month THEN credits END), 0) AS month
       FROM ledger WHERE account_id = @accountId AND at >= @since AND kind IN ('charge', 'refund')`,
  );
  const scrapes = db.prepare<Record<string, string | number>, { today: number; week: number }>(
    `SELECT coalesce(sum(at >= @today), 0) AS today, coalesce(sum(at >= @week), 0) AS week
       FROM requests WHERE account_id = @accountId AND at >= @week AND url IS NOT NULL`,
  );
  const domains = db.prepare<[string, number, number], { domain: string; credits_used: number; requests: number }>(
    `SELECT url_host(url) AS domain, sum(credits_charged - credits_refunded) AS credits_used, count(*) AS requests
       FROM request_log WHERE account_id = ? AND at >= ? AND url IS NOT NULL AND url_host(url) IS NOT NULL
      GROUP BY 1 ORDER BY credits_used DESC, requests DESC, domain LIMIT ?`,
  );

  return {
    totals: (accountId: string): AccountTotals | null => totals.get(accountId) ?? null,

    /** Net credits used since each mark. */
    spentSince: (accountId: string, marks: UsageMarks): UsageMarks =>
      spent.get({ accountId, ...marks, since: Math.min(marks.today, marks.week, marks.month) })!,

    /** Scrapes (calls with a target URL) since today's and the week's start; the week holds today. */
    scrapesSince: (accountId: string, marks: Omit<UsageMarks, 'month'>) => scrapes.get({ accountId, ...marks })!,

    /** The hosts that cost the most since `sinceMs`, at most `limit`. */
    topDomains: (accountId: string, sinceMs: number, limit: number) => domains.all(accountId, sinceMs, limit),
  };
}

export type UsageRepository = ReturnType<typeof createUsageRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    usage: UsageRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('usage', createUsageRepository(app.db));
  },
  { name: 'usage-repository', dependencies: ['database'] },
);
