import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../contract/error-codes';
import { TOP_UP_CODE } from '../../../server/db/demo-history';
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

let first: TestServer;
let second: TestServer;
let empty: TestServer;
beforeAll(async () => {
  [first, second, empty] = await Promise.all([
    startTestServer({}, undefined, { demoHistory: true }),
    startTestServer({}, undefined, { demoHistory: true }),
    startTestServer(),
  ]);
});
afterAll(() => Promise.all([first, second, empty].map((server) => server.close())));

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

  it('is not written without the option', () => {
    const count = empty.app.db.prepare(`SELECT count(*) AS n FROM requests`).get() as { n: number };
    expect(count.n).toBe(0);
  });
});
