import type Database from 'better-sqlite3';

// What every roll-up should hold, by reading the whole ledger and request log: the scan the server must never run on
// a request path lives here only. Days are UTC dates and months their first day, written out independently of the
// server's own day and month keys.

const DAY_MS = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthOf = (ms: number) => {
  const at = new Date(ms);
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1);
};
function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

interface LedgerRow {
  id: number;
  account_id: string;
  at: number;
  kind: 'deposit' | 'charge' | 'refund';
  credits: number;
}
/** A request row with its settlement, as the request log shows it. */
interface LogRow {
  account_id: string;
  at: number;
  url: string | null;
  code: string | null;
  charged: number;
  refunded: number;
  cached: number;
}

/** The account's whole ledger and request log. */
function readAll(db: Database.Database, accountId: string) {
  const ledger = db
    .prepare(`SELECT id, account_id, at, kind, credits FROM ledger WHERE account_id = ? ORDER BY id`)
    .all(accountId) as LedgerRow[];
  const log = db
    .prepare(
      `SELECT r.account_id, r.at, r.url, coalesce(s.code, r.code) AS code, coalesce(s.credits_charged, 0) AS charged,
              coalesce(s.credits_refunded, 0) AS refunded, coalesce(s.cached, 0) AS cached
         FROM requests r LEFT JOIN settlements s USING (request_id) WHERE r.account_id = ?`,
    )
    .all(accountId) as LogRow[];
  return { ledger, log };
}

/** Counts a row into the group keyed by `key`, made by `empty` when it is the first. */
function bump<T>(groups: Map<string, T>, key: string, empty: () => NoInfer<T>, add: (group: T) => void) {
  const group = groups.get(key) ?? empty();
  add(group);
  groups.set(key, group);
}
const sorted = <T>(groups: Map<string, T>) =>
  [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);

/** The account's rows of every roll-up as its ledger and log say they should be, by date and month, not day numbers. */
export function rollupsByScan(db: Database.Database, accountId: string) {
  const { ledger, log } = readAll(db, accountId);
  const totals = new Map<
    string,
    { account_id: string; balance: number; deposited: number; charged: number; refunded: number; entries: number }
  >();
  // Each entry's number within its account: 1, 2, … in the order written (the ledger numbers' migration).
  const numbers: { id: number; number: number }[] = [];
  const ledgerDays = new Map<string, { account_id: string; date: string; charged: number; refunded: number }>();
  for (const row of ledger) {
    bump(
      totals,
      row.account_id,
      () => ({ account_id: row.account_id, balance: 0, deposited: 0, charged: 0, refunded: 0, entries: 0 }),
      (t) => {
        t.entries++;
        numbers.push({ id: row.id, number: t.entries });
        t.balance += row.credits;
        if (row.kind === 'deposit') t.deposited += row.credits;
        if (row.kind === 'charge') t.charged -= row.credits;
        if (row.kind === 'refund') t.refunded += row.credits;
      },
    );
    if (row.kind === 'deposit') continue;
    const date = dateOf(row.at);
    bump(
      ledgerDays,
      `${row.account_id} ${date}`,
      () => ({ account_id: row.account_id, date, charged: 0, refunded: 0 }),
      (d) => {
        if (row.kind === 'charge') d.charged -= row.credits;
        else d.refunded += row.credits;
      },
    );
  }
  const requestDays = new Map<
    string,
    {
      account_id: string;
      date: string;
      requests: number;
      scrapes: number;
      charged: number;
      refunded: number;
      cache_hits: number;
    }
  >();
  const errors = new Map<string, { account_id: string; date: string; code: string; n: number }>();
  const domains = new Map<
    string,
    { account_id: string; month: string; domain: string; requests: number; credits_used: number }
  >();
  for (const row of log) {
    const date = dateOf(row.at);
    bump(
      requestDays,
      `${row.account_id} ${date}`,
      () => ({ account_id: row.account_id, date, requests: 0, scrapes: 0, charged: 0, refunded: 0, cache_hits: 0 }),
      (d) => {
        d.requests++;
        if (row.url !== null) d.scrapes++;
        d.charged += row.charged;
        d.refunded += row.refunded;
        d.cache_hits += row.cached;
      },
    );
    if (row.code !== null) {
      const code = row.code;
      bump(
        errors,
        `${row.account_id} ${date} ${code}`,
        () => ({ account_id: row.account_id, date, code, n: 0 }),
        (e) => {
          e.n++;
        },
      );
    }
    const domain = hostOf(row.url);
    if (domain === null) continue;
    const month = dateOf(monthOf(row.at));
    bump(
      domains,
      `${row.account_id} ${month} ${domain}`,
      () => ({ account_id: row.account_id, month, domain, requests: 0, credits_used: 0 }),
      (d) => {
        d.requests++;
        d.credits_used += row.charged - row.refunded;
      },
    );
  }
  return {
    account_totals: sorted(totals),
    ledger_numbers: numbers,
    ledger_days: sorted(ledgerDays),
    request_days: sorted(requestDays),
    request_day_errors: sorted(errors),
    request_month_domains: sorted(domains),
  };
}

/** The account's rows of the roll-up tables as stored, in the same shape and order as rollupsByScan. */
export function rollupsStored(db: Database.Database, accountId: string) {
  const date = (column: string) => `date(${column} * 86400, 'unixepoch')`;
  return {
    account_totals: db
      .prepare(
        `SELECT account_id, balance, deposited, charged, refunded, entries FROM account_totals
          WHERE account_id = ? AND EXISTS (SELECT 1 FROM ledger WHERE account_id = ?)`,
      )
      .all(accountId, accountId),
    ledger_numbers: db.prepare(`SELECT id, number FROM ledger WHERE account_id = ? ORDER BY id`).all(accountId),
    ledger_days: db
      .prepare(
        `SELECT account_id, ${date('day')} AS date, charged, refunded FROM ledger_days WHERE account_id = ? ORDER BY day`,
      )
      .all(accountId),
    request_days: db
      .prepare(
        `SELECT account_id, ${date('day')} AS date, requests, scrapes, charged, refunded, cache_hits FROM request_days
          WHERE account_id = ? ORDER BY day`,
      )
      .all(accountId),
    request_day_errors: db
      .prepare(
        `SELECT account_id, ${date('day')} AS date, code, n FROM request_day_errors WHERE account_id = ? ORDER BY day, code`,
      )
      .all(accountId),
    request_month_domains: db
      .prepare(
        `SELECT account_id, date(month / 1000, 'unixepoch') AS month, domain, requests, credits_used
           FROM request_month_domains WHERE account_id = ? ORDER BY month, domain`,
      )
      .all(accountId),
  };
}

/** Where today, this week (from Monday) and this month began (UTC) for `nowMs`. */
function marksOf(nowMs: number) {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const week = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY_MS;
  return { today, week, month: monthOf(nowMs) };
}

/** What GET /usage, GET /usage/daily?days=366 and GET /billing/usage should say of `accountId` at `nowMs`, by scan. */
export function usageByScan(db: Database.Database, accountId: string, nowMs: number) {
  const { ledger: own, log: calls } = readAll(db, accountId);
  const marks = marksOf(nowMs);
  const spentSince = (since: number) =>
    own.filter((row) => row.kind !== 'deposit' && row.at >= since).reduce((sum, row) => sum - row.credits, 0);
  const sumOf = (kind: LedgerRow['kind'], since: number) =>
    own.filter((row) => row.kind === kind && row.at >= since).reduce((sum, row) => sum + Math.abs(row.credits), 0);

  const firstDay = marks.today - 365 * DAY_MS;
  const days = new Map<
    string,
    {
      date: string;
      requests: number;
      credits_charged: number;
      credits_refunded: number;
      cache_hits: number;
      errors: Record<string, number>;
    }
  >();
  for (const row of calls.filter((call) => call.at >= firstDay)) {
    const date = dateOf(row.at);
    bump(
      days,
      date,
      () => ({ date, requests: 0, credits_charged: 0, credits_refunded: 0, cache_hits: 0, errors: {} }),
      (d) => {
        d.requests++;
        d.credits_charged += row.charged;
        d.credits_refunded += row.refunded;
        d.cache_hits += row.cached;
        if (row.code !== null) d.errors[row.code] = (d.errors[row.code] ?? 0) + 1;
      },
    );
  }
  const hosts = new Map<string, { domain: string; credits_used: number; requests: number }>();
  for (const row of calls.filter((call) => call.at >= marks.month)) {
    const domain = hostOf(row.url);
    if (domain === null) continue;
    bump(
      hosts,
      domain,
      () => ({ domain, credits_used: 0, requests: 0 }),
      (h) => {
        h.credits_used += row.charged - row.refunded;
        h.requests++;
      },
    );
  }
  const topDomains = [...hosts.values()].sort(
    (a, b) => b.credits_used - a.credits_used || b.requests - a.requests || (a.domain < b.domain ? -1 : 1),
  );
  const scrapesSince = (since: number) => calls.filter((row) => row.at >= since && row.url !== null).length;

  return {
    usage: {
      balance_credits: own.reduce((sum, row) => sum + row.credits, 0),
      credits_used_month: sumOf('charge', marks.month),
      credits_refunded_month: sumOf('refund', marks.month),
      requests_month: calls.filter((row) => row.at >= marks.month).length,
    },
    daily: sorted(days),
    billingUsage: {
      today_credits: spentSince(marks.today),
      this_week_credits: spentSince(marks.week),
      this_month_credits: spentSince(marks.month),
      total_credits: spentSince(0),
      today_requests: scrapesSince(marks.today),
      this_week_requests: scrapesSince(marks.week),
      // At most ten: the contract's limit, written out.
      top_domains: topDomains.slice(0, 10),
    },
  };
}
