import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { DailyUsage } from '../../contract/usage';

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

/** What GET /usage reports of a billing period: the ledger's charges and refunds, and the calls made. */
export interface PeriodUsage {
  balance: number;
  creditsUsed: number;
  creditsRefunded: number;
  requests: number;
}

// The roll-ups' key (their migration): whole UTC days since the epoch. Every mark passed in starts a day.
const DAY_MS = 86_400_000;
const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/**
 * What GET /usage and GET /billing/* report, read from the roll-ups the ledger's and the request log's triggers keep
 * (the usage roll-ups' migration): a row by key, or one row per day or host of the period asked for, so no read
 * grows with an account's history. Credits "used" are net: charged less refunded.
 */
export function createUsageRepository(db: Database.Database) {
  const totals = db.prepare<[string], AccountTotals>(
    `SELECT coalesce(t.balance, 0) AS balance, coalesce(t.deposited, 0) AS deposited,
            coalesce(t.charged, 0) AS charged, coalesce(t.refunded, 0) AS refunded, a.created_at AS createdAt
       FROM accounts a LEFT JOIN account_totals t ON t.account_id = a.id WHERE a.id = ?`,
  );
  // One statement for the whole of GET /usage's figures: that route is the one clients poll.
  const period = db.prepare<{ accountId: string; since: number }, PeriodUsage>(
    `SELECT coalesce((SELECT balance FROM account_totals WHERE account_id = @accountId), 0) AS balance,
            coalesce(sum(charged), 0) AS creditsUsed, coalesce(sum(refunded), 0) AS creditsRefunded,
            coalesce((SELECT sum(requests) FROM request_days WHERE account_id = @accountId AND day >= @since), 0)
              AS requests
       FROM ledger_days WHERE account_id = @accountId AND day >= @since`,
  );
  const spent = db.prepare<Record<string, string | number>, UsageMarks>(
    `SELECT coalesce(sum(CASE WHEN day >= @today THEN charged - refunded END), 0) AS today,
            coalesce(sum(CASE WHEN day >= @week THEN charged - refunded END), 0) AS week,
            coalesce(sum(CASE WHEN day >= @month THEN charged - refunded END), 0) AS month
       FROM ledger_days WHERE account_id = @accountId AND day >= @since`,
  );
  const scrapes = db.prepare<Record<string, string | number>, { today: number; week: number }>(
    `SELECT coalesce(sum(CASE WHEN day >= @today THEN scrapes END), 0) AS today, coalesce(sum(scrapes), 0) AS week
       FROM request_days WHERE account_id = @accountId AND day >= @week`,
  );
  const domains = db.prepare<[string, number, number], { domain: string; credits_used: number; requests: number }>(
    `SELECT domain, sum(credits_used) AS credits_used, sum(requests) AS requests
       FROM request_month_domains WHERE account_id = ? AND month >= ?
      GROUP BY domain ORDER BY credits_used DESC, requests DESC, domain LIMIT ?`,
  );
  const days = db.prepare<
    [string, number],
    { day: number; date: string; requests: number; charged: number; refunded: number; hits: number }
  >(
    `SELECT day, date(day * 86400, 'unixepoch') AS date, requests, charged, refunded, cache_hits AS hits
       FROM request_days WHERE account_id = ? AND day >= ? ORDER BY day`,
  );
  const dayErrors = db.prepare<[string, number], { day: number; code: string; n: number }>(
    `SELECT day, code, n FROM request_day_errors WHERE account_id = ? AND day >= ? ORDER BY day, code`,
  );

  return {
    totals: (accountId: string): AccountTotals | null => totals.get(accountId) ?? null,

    /** The balance, and the credits used and refunded and the calls made since `sinceMs` (a period's start). */
    periodSince: (accountId: string, sinceMs: number): PeriodUsage => period.get({ accountId, since: dayOf(sinceMs) })!,

    /** Net credits used since each mark. */
    spentSince: (accountId: string, marks: UsageMarks): UsageMarks =>
      spent.get({
        accountId,
        today: dayOf(marks.today),
        week: dayOf(marks.week),
        month: dayOf(marks.month),
        since: dayOf(Math.min(marks.today, marks.week, marks.month)),
      })!,

    /** Scrapes (calls with a target URL) since today's and the week's start; the week holds today. */
    scrapesSince: (accountId: string, marks: Omit<UsageMarks, 'month'>) =>
      scrapes.get({ accountId, today: dayOf(marks.today), week: dayOf(marks.week) })!,

    /** The hosts that cost the most since `sinceMs` (a month's start), at most `limit`. */
    topDomains: (accountId: string, sinceMs: number, limit: number) => domains.all(accountId, sinceMs, limit),

    /** Per UTC day since `sinceMs` (a day's start), days with calls only: requests, credits, cache hits, error codes. */
    dailySince(accountId: string, sinceMs: number): DailyUsage[] {
      const since = dayOf(sinceMs);
      const errors = new Map<number, Record<string, number>>();
      for (const row of dayErrors.all(accountId, since)) {
        const codes = errors.get(row.day) ?? {};
        codes[row.code] = row.n;
        errors.set(row.day, codes);
      }
      return days.all(accountId, since).map((day) => ({
        date: day.date,
        requests: day.requests,
        credits_charged: day.charged,
        credits_refunded: day.refunded,
        cache_hits: day.hits,
        errors: errors.get(day.day) ?? {},
      }));
    },
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
