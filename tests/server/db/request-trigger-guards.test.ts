import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrations';

// The request log's insert triggers skip the rows they have nothing to count (their WHEN guards): these are the rows
// a guard could wrongly skip, each written in the order that reaches the guard (its settlement first).
const AT = Date.UTC(2026, 10, 2, 10);

function database() {
  const db = new Database(':memory:');
  migrate(db);
  db.exec(`INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_a', 'A', 'free', 0)`);
  const settle = db.prepare(
    `INSERT INTO settlements (request_id, account_id, code, tier, credits_charged, credits_refunded, cached)
     VALUES (?, 'acct_a', ?, '1', ?, ?, 0)`,
  );
  const log = db.prepare(
    `INSERT INTO requests (request_id, account_id, method, path, status, code, duration_ms, at, url, origin, domain)
     VALUES (?, 'acct_a', ?, ?, ?, ?, 1, ${AT}, ?, ?, url_host(?))`,
  );
  const call = (
    id: string,
    row: { method?: string; path: string; status: number; code?: string | null; url?: string | null },
    origin: 'user' | 'dashboard' = 'user',
  ) => {
    const url = row.url ?? null;
    log.run(id, row.method ?? 'POST', row.path, row.status, row.code ?? null, url, origin, url);
  };
  return { db, settle, call };
}

const usageOutcomes = (db: Database.Database) =>
  db.prepare(`SELECT outcome, requests, credits_charged, credits_refunded FROM usage_outcomes_15m`).all();
const failures = (db: Database.Database) =>
  db.prepare(`SELECT code, domain, n, refunded FROM request_day_code_domains ORDER BY code`).all();

describe('the request log triggers', () => {
  it('count a settled call whatever its path says, and nothing for a call that is no scrape', () => {
    const { db, settle, call } = database();
    call('req_usage', { method: 'GET', path: '/api/v1/usage', status: 200 });
    // Settled before its row, on a path written with a query: the settlement makes it a scrape.
    settle.run('req_query', null, 3, 0);
    call('req_query', { path: '/api/v1/scrape?source=sdk', status: 200, url: 'https://example.com/' });

    expect(usageOutcomes(db)).toEqual([{ outcome: 'success', requests: 1, credits_charged: 3, credits_refunded: 0 }]);
    db.close();
  });

  it("count the user's failures by the settlement's code when the row has none, and not the dashboard's", () => {
    const { db, settle, call } = database();
    call('req_usage', { method: 'GET', path: '/api/v1/usage', status: 200 });
    settle.run('req_refunded', 'TIMEOUT', 2, 2);
    call('req_refunded', { path: '/api/v1/scrape', status: 200, url: 'https://example.com/a' });
    call(
      'req_background',
      { method: 'GET', path: '/api/v1/requests/req_x', status: 404, code: 'NOT_FOUND' },
      'dashboard',
    );
    call('req_limited', { method: 'GET', path: '/api/v1/usage', status: 429, code: 'RATE_LIMITED' });

    expect(failures(db)).toEqual([
      { code: 'RATE_LIMITED', domain: '', n: 1, refunded: 0 },
      { code: 'TIMEOUT', domain: 'example.com', n: 1, refunded: 2 },
    ]);
    db.close();
  });
});
