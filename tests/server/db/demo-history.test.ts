import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../contract/error-codes';
import { buildApp } from '../../../server/app';
import { testConfig } from '../../../server/config';
import { DAILY_SCRAPES } from '../../../server/db/demo-history-plan';
import { TOP_UP_CODE, writeDemoHistory } from '../../../server/db/demo-history-replay';
import { DEMO_KEY } from '../../support/demo-keys';
import { startTestServer, type TestServer } from '../../support/test-server';

const DAY_MS = 86_400_000;

interface LedgerRow {
  name: string;
  kind: string;
  credits: number;
  request_id: string | null;
  code: string | null;
  url: string | null;
  at: number;
}

/** Every entry of the history, times relative to its first one, so two dirs written at other moments compare. */
function historyOf(server: TestServer): LedgerRow[] {
  const rows = server.app.db
    .prepare<[], LedgerRow>(
      `SELECT a.name, l.kind, l.credits, l.request_id, l.code, l.url, l.at FROM ledger l
         JOIN accounts a ON a.id = l.account_id WHERE l.code IS NOT 'OPENING_BALANCE' ORDER BY l.id`,
    )
    .all();
  const start = Math.min(...rows.map((row) => row.at));
  return rows.map((row) => ({ ...row, at: row.at - start }));
}

/**
 * The rows the history is made of (ledger, settlements, request log, tier memory), accounts by name and times from the
 * history's start: the roll-ups are left out, their buckets hang on the moment it was written.
 */
function historyRowsOf(server: TestServer) {
  const db = server.app.db;
  const { start } = db.prepare(`SELECT min(at) AS start FROM ledger WHERE code = ?`).get(TOP_UP_CODE) as {
    start: number;
  };
  const rows = (sql: string, ...params: number[]) =>
    db
      .prepare(sql)
      .raw()
      .all(...params);
  const tables = [
    historyOf(server),
    rows(`SELECT a.name, s.request_id, s.code, s.tier, s.credits_charged, s.credits_refunded, s.cached
            FROM settlements s JOIN accounts a ON a.id = s.account_id ORDER BY s.request_id`),
    rows(
      `SELECT a.name, r.request_id, r.method, r.path, r.status, r.code, r.duration_ms, r.at - ?, r.url,
                 r.session_id, r.origin, r.domain, r.outcome_code, r.message, r.parameters, r.estimated_credits,
                 r.escalations, r.rate_limit
            FROM requests r JOIN accounts a ON a.id = r.account_id ORDER BY r.rowid`,
      start,
    ),
    rows(
      `SELECT a.name, t.target, t.tier, t.updated_at - ? FROM tier_memory t JOIN accounts a ON a.id = t.account_id
            ORDER BY a.name, t.target`,
      start,
    ),
  ];
  return tables;
}

let first: TestServer;
let second: TestServer;
let empty: TestServer;
let inProcess: TestServer;
beforeAll(async () => {
  [first, second, empty, inProcess] = await Promise.all([
    startTestServer({}, undefined, { demoHistory: true }),
    startTestServer({}, undefined, { demoHistory: true }),
    startTestServer(),
    startTestServer(),
  ]);
});
afterAll(() => Promise.all([first, second, empty, inProcess].map((server) => server.close())));

describe('the demo history of a new data dir', () => {
  it('spans 30 days of scrapes on several domains, every tier, cache hits and bursts of 429s', () => {
    const stats = first.app.db
      .prepare<[], { oldest: number; newest: number; domains: number; tiers: string; hits: number; limited: number }>(
        `SELECT min(at) AS oldest, max(at) AS newest, count(DISTINCT domain) AS domains,
                (SELECT group_concat(DISTINCT tier) FROM (SELECT tier FROM settlements ORDER BY tier)) AS tiers,
                (SELECT count(*) FROM settlements WHERE cached = 1) AS hits,
                sum(code = 'RATE_LIMIT_EXCEEDED') AS limited
           FROM requests`,
      )
      .get()!;
    expect(stats.newest - stats.oldest).toBeGreaterThan(29 * DAY_MS);
    expect(stats.newest).toBeLessThanOrEqual(Date.now());
    expect(stats.domains).toBeGreaterThanOrEqual(4);
    expect(stats.tiers).toBe('1,2,3,4');
    expect(stats.hits).toBeGreaterThan(50);
    expect(stats.limited).toBeGreaterThan(20);
  });

  it('fails with every scraping code, each refunded as the policy says', () => {
    const rows = first.app.db
      .prepare<[], { code: string; failures: number; refunded: number; charged: number }>(
        `SELECT code, count(*) AS failures, sum(credits_refunded) AS refunded, sum(credits_charged) AS charged
           FROM settlements WHERE code IS NOT NULL GROUP BY code`,
      )
      .all();
    const byCode = new Map(rows.map((row) => [row.code, row]));
    // The seed's refund policy: every scraping failure is refunded in full.
    for (const code of ERROR_CODES.filter((facts) => facts.category === 'scraping').map((facts) => facts.code)) {
      const row = byCode.get(code);
      expect(row?.failures, code).toBeGreaterThan(0);
      expect(row?.refunded, code).toBe(row?.charged);
    }
    const refunds = first.app.db.prepare(`SELECT count(*) AS n FROM ledger WHERE kind = 'refund'`).get() as {
      n: number;
    };
    expect(refunds.n).toBe(rows.reduce((sum, row) => sum + row.failures, 0));
  });

  it('leaves each balance the sum of its ledger, and the seeded balance the accounts are documented with', async () => {
    const sums = first.app.db
      .prepare<[], { id: string; total: number; kept: number }>(
        `SELECT a.id, (SELECT sum(credits) FROM ledger WHERE account_id = a.id) AS total,
                (SELECT balance FROM account_totals WHERE account_id = a.id) AS kept FROM accounts a`,
      )
      .all();
    for (const account of sums) expect(account.kept).toBe(account.total);
    expect(await first.balance(DEMO_KEY.growth)).toBe(100_000);
    expect(await first.balance(DEMO_KEY.free)).toBe(1_000);
    const topUps = first.app.db.prepare(`SELECT count(*) AS n FROM ledger WHERE code = ?`).get(TOP_UP_CODE) as {
      n: number;
    };
    expect(topUps.n).toBe(5);
  });

  it('shows in the usage reports, which read the roll-ups the history wrote through', async () => {
    const response = await first.call('/usage-report/domains');
    const { domains } = (await response.json()) as { domains: { domain: string; requests: number }[] };
    expect(domains.map((domain) => domain.domain)).toContain('shop.example.com');
    expect(domains.every((domain) => domain.requests > 0)).toBe(true);
  });

  it('is the same in every new data dir', () => {
    const one = historyOf(first);
    expect(one.length).toBeGreaterThan(1000);
    expect(historyOf(second)).toEqual(one);
  });

  it('is, row for row, what the same replay writes on the server’s own connection', () => {
    // The worker thread's connection (its settings, its SQL functions) must not change a row: the second server
    // holds the history alone (no test here calls it), the in-process one gets it written on the event loop.
    const accounts = (Object.keys(DAILY_SCRAPES) as (keyof typeof DEMO_KEY)[]).map((name) => {
      const found = inProcess.app.accounts.findByKey(DEMO_KEY[name]);
      if (found.kind !== 'ok') throw new Error(`no demo account ${name}`);
      return { name, id: found.account.id };
    });
    writeDemoHistory(inProcess.app.db, accounts, Date.now());
    expect(historyRowsOf(second)).toEqual(historyRowsOf(inProcess));
  });

  it('is not written without the option', () => {
    const count = empty.app.db.prepare(`SELECT count(*) AS n FROM requests`).get() as { n: number };
    expect(count.n).toBe(0);
  });
});

describe('a demo history that cannot be written', () => {
  it('fails start-up with the reason, and leaves no part of the history behind', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-test-'));
    try {
      // A new data dir whose request log refuses every row, as a full disk would.
      await (await startTestServer({ dataDir })).close();
      const db = new Database(path.join(dataDir, 'sandbox.db'));
      db.exec(
        `CREATE TRIGGER refuse BEFORE INSERT ON requests BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
      );
      db.close();

      const starting = buildApp(testConfig({ dataDir }), {
        demoWebUrl: 'http://127.0.0.1:9',
        distDir: path.join(dataDir, 'no-dist'),
        demoHistory: true,
      });
      await expect(starting).rejects.toThrow('database or disk is full');

      const check = new Database(path.join(dataDir, 'sandbox.db'), { readonly: true });
      const written = check
        .prepare(`SELECT count(*) AS n FROM ledger WHERE kind <> 'deposit' OR code = ?`)
        .get(TOP_UP_CODE) as { n: number };
      check.close();
      expect(written.n).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
