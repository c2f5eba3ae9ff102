import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../server/db/migrations';
import { createLedgerRepository } from '../../../server/repositories/ledger-repository';
import { createUsageRepository } from '../../../server/repositories/usage-repository';
import { rollupsByScan, rollupsStored } from '../repositories/usage-scan';

const ROLLUPS_MIGRATION = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE ledger_days'));
const DAY = 86_400_000;
// 2026-01-30T23:00Z: an hour before a day's end, a day and an hour before the month's.
const T0 = Date.UTC(2026, 0, 30, 23);

function writers(db: Database.Database) {
  const ledger = db.prepare(
    `INSERT INTO ledger (account_id, at, kind, credits, request_id, code) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const request = db.prepare(
    `INSERT INTO requests (request_id, account_id, method, path, status, code, duration_ms, at, url)
     VALUES (?, ?, 'POST', '/api/v1/scrape', ?, ?, 1, ?, ?)`,
  );
  const settlement = db.prepare(
    `INSERT INTO settlements (request_id, account_id, code, tier, credits_charged, credits_refunded, cached)
     VALUES (?, ?, ?, '1', ?, ?, ?)`,
  );
  return {
    deposit: (account: string, at: number, credits: number) => ledger.run(account, at, 'deposit', credits, null, null),
    /** A settled scrape's rows: its settlement and ledger entries at `settledAt`, its request row at `at`. */
    scrape(
      id: string,
      account: string,
      call: { at: number; settledAt?: number; url: string | null; status?: number; requestCode?: string | null },
      cost: { code?: string | null; charged: number; refunded: number; cached?: boolean },
      order: 'settled-first' | 'logged-first' | 'never-settled',
    ) {
      const settledAt = call.settledAt ?? call.at;
      const settle = () => {
        settlement.run(id, account, cost.code ?? null, cost.charged, cost.refunded, cost.cached ? 1 : 0);
        if (cost.charged > 0) ledger.run(account, settledAt, 'charge', -cost.charged, id, cost.code ?? null);
        if (cost.refunded > 0) ledger.run(account, settledAt, 'refund', cost.refunded, id, cost.code ?? null);
      };
      const log = () => request.run(id, account, call.status ?? 200, call.requestCode ?? null, call.at, call.url);
      if (order === 'settled-first') settle();
      log();
      if (order === 'logged-first') settle();
    },
  };
}

function accounts(db: Database.Database) {
  db.exec(
    `INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_a', 'A', 'free', 0), ('acct_b', 'B', 'free', 0)`,
  );
}

/** Rows of every kind and both write orders, spread over a day's end and a month's. */
function history(db: Database.Database, prefix: string) {
  const w = writers(db);
  w.deposit('acct_a', T0 - DAY, 1_000);
  w.deposit('acct_b', T0 - DAY, 50);
  w.scrape(
    `${prefix}1`,
    'acct_a',
    { at: T0, url: 'https://Example.com/a' },
    { charged: 2, refunded: 0 },
    'settled-first',
  );
  // A job answered 202 just before midnight and settled after it: its credits count on its request's day in the log,
  // on the settling day in the ledger.
  w.scrape(
    `${prefix}2`,
    'acct_a',
    { at: T0 + 59 * 60_000, settledAt: T0 + 2 * 60 * 60_000, url: 'https://example.com/b', status: 202 },
    { code: 'PAYWALL_DETECTED', charged: 1, refunded: 1 },
    'logged-first',
  );
  // A call logged with one code, settled later with another: the log shows the settlement's.
  w.scrape(
    `${prefix}3`,
    'acct_a',
    { at: T0 + 2 * DAY, url: 'https://other.test/', status: 499, requestCode: 'CLIENT_CLOSED_REQUEST' },
    { code: 'TIMEOUT', charged: 3, refunded: 3 },
    'logged-first',
  );
  w.scrape(
    `${prefix}4`,
    'acct_a',
    { at: T0 + 2 * DAY, url: 'https://example.com/c' },
    { charged: 0, refunded: 0, cached: true },
    'settled-first',
  );
  w.scrape(
    `${prefix}5`,
    'acct_a',
    { at: T0 + 2 * DAY, url: null, status: 429, requestCode: 'RATE_LIMITED' },
    { charged: 0, refunded: 0 },
    'never-settled',
  );
  w.scrape(
    `${prefix}6`,
    'acct_b',
    { at: T0 + 40 * DAY, url: 'not a url' },
    { charged: 5, refunded: 0 },
    'logged-first',
  );
  w.scrape(`${prefix}7`, 'acct_b', { at: T0 + 40 * DAY, url: null }, { charged: 0, refunded: 0 }, 'never-settled');
}

const bothAccounts = (db: Database.Database) => ({
  a: rollupsStored(db, 'acct_a'),
  b: rollupsStored(db, 'acct_b'),
});
const bothByScan = (db: Database.Database) => ({ a: rollupsByScan(db, 'acct_a'), b: rollupsByScan(db, 'acct_b') });

describe('the usage roll-ups', () => {
  it('are rebuilt from the ledger and the log of a data dir made before them, then kept as rows are written', () => {
    const db = new Database(':memory:');
    for (const migration of MIGRATIONS.slice(0, ROLLUPS_MIGRATION)) db.exec(migration);
    db.pragma(`user_version = ${ROLLUPS_MIGRATION}`);
    accounts(db);
    history(db, 'old_');

    migrate(db);
    const rebuilt = bothAccounts(db);
    expect(rebuilt).toEqual(bothByScan(db));
    expect(rebuilt.a.request_day_errors).toEqual([
      { account_id: 'acct_a', date: '2026-01-30', code: 'PAYWALL_DETECTED', n: 1 },
      { account_id: 'acct_a', date: '2026-02-01', code: 'RATE_LIMITED', n: 1 },
      { account_id: 'acct_a', date: '2026-02-01', code: 'TIMEOUT', n: 1 },
    ]);

    history(db, 'new_');
    const kept = bothAccounts(db);
    expect(kept).toEqual(bothByScan(db));
    expect(kept.a.request_days).toEqual([
      { account_id: 'acct_a', date: '2026-01-30', requests: 4, scrapes: 4, charged: 6, refunded: 2, cache_hits: 0 },
      { account_id: 'acct_a', date: '2026-02-01', requests: 6, scrapes: 4, charged: 6, refunded: 6, cache_hits: 2 },
    ]);
    expect(kept.a.ledger_days).toEqual([
      { account_id: 'acct_a', date: '2026-01-30', charged: 4, refunded: 0 },
      { account_id: 'acct_a', date: '2026-01-31', charged: 2, refunded: 2 },
      { account_id: 'acct_a', date: '2026-02-01', charged: 6, refunded: 6 },
    ]);
    expect(kept.a.request_month_domains).toEqual([
      { account_id: 'acct_a', month: '2026-01-01', domain: 'example.com', requests: 4, credits_used: 4 },
      { account_id: 'acct_a', month: '2026-02-01', domain: 'example.com', requests: 2, credits_used: 0 },
      { account_id: 'acct_a', month: '2026-02-01', domain: 'other.test', requests: 2, credits_used: 0 },
    ]);
    db.close();
  });
});

/** Every statement a repository prepares, recorded as it is prepared. */
function preparedBy(create: (db: Database.Database) => unknown): { db: Database.Database; statements: string[] } {
  const db = new Database(':memory:');
  migrate(db);
  const statements: string[] = [];
  const recording = new Proxy(db, {
    get(target, property) {
      if (property === 'prepare')
        return (sql: string) => {
          statements.push(sql);
          return target.prepare(sql);
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  create(recording);
  return { db, statements };
}

/** The query plan's steps, with every parameter bound to a placeholder value. */
function planOf(db: Database.Database, sql: string): string[] {
  const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((match) => match[1]!))];
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const positional = (sql.match(/\?/g) ?? []).map(() => 0);
  const rows = (
    named.length > 0 ? explain.all(Object.fromEntries(named.map((name) => [name, 0]))) : explain.all(...positional)
  ) as { detail: string }[];
  return rows.map((row) => row.detail);
}

describe('the reads on a request path', () => {
  it('look rows up by key or a range of one, and never scan a table', () => {
    const clock = { now: () => T0, advance: () => {} };
    const usage = preparedBy((db) => createUsageRepository(db));
    const ledger = preparedBy((db) => createLedgerRepository(db, clock));
    const reads = [
      ...usage.statements.map((sql) => ({ sql, plan: planOf(usage.db, sql) })),
      // The ledger's writes and its start-up clean-up are not reads; its balance and holds are read on every scrape.
      ...ledger.statements
        .filter((sql) => /^\s*SELECT/.test(sql))
        .map((sql) => ({ sql, plan: planOf(ledger.db, sql) })),
    ];
    expect(reads.length).toBeGreaterThanOrEqual(10);
    const auditLogPages: string[][] = [];
    for (const { sql, plan } of reads) {
      expect({ sql, scans: plan.filter((step) => /^SCAN (?!CONSTANT ROW)/.test(step)) }).toEqual({ sql, scans: [] });
      const history = plan.filter((step) => /\b(ledger|requests|settlements)\b/.test(step));
      if (/FROM ledger\b/.test(sql)) auditLogPages.push(plan);
      else expect({ sql, history }).toEqual({ sql, history: [] });
    }
    // The audit log is the one read of the ledger itself: a page of it, newest first, after a cursor or after an
    // offset, is one range of an index in its order, with no sort, however far back the page is.
    expect(auditLogPages).toEqual([['SEARCH ledger USING INDEX ledger_account_number (account_id=? AND number<?)']]);
    const plans = reads.map(({ plan }) => plan.join('\n')).join('\n');
    expect(plans).toMatch(/SEARCH holds USING COVERING INDEX holds_account \(account_id=\?\)/);
    expect(plans).toMatch(/SEARCH request_days USING PRIMARY KEY \(account_id=\? AND day>\?\)/);
    expect(plans).toMatch(/SEARCH ledger_days USING PRIMARY KEY \(account_id=\? AND day>\?\)/);
    expect(plans).toMatch(/SEARCH request_month_domains USING PRIMARY KEY \(account_id=\? AND month>\?\)/);
    usage.db.close();
    ledger.db.close();
  });
});
