import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../server/db/migrations';
import { registerSqlFunctions } from '../../../server/db/sql-functions';
import { USAGE_REPORT_MIGRATION } from '../../../server/db/usage-report-migration';

describe('the usage roll-ups migration', () => {
  it('sums a data dir’s existing scrapes, so its reports cover the time before it', () => {
    const db = new Database(':memory:');
    registerSqlFunctions(db);
    const before = MIGRATIONS.indexOf(USAGE_REPORT_MIGRATION);
    for (const sql of MIGRATIONS.slice(0, before)) db.exec(sql);
    db.pragma(`user_version = ${before}`);
    db.exec(`INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_1', 'Old', 'free', 0)`);
    const request = db.prepare(
      `INSERT INTO requests (request_id, account_id, method, path, status, code, duration_ms, at, url, domain)
       VALUES (?, 'acct_1', ?, ?, ?, ?, 1, ?, ?, ?)`,
    );
    const settlement = db.prepare(
      `INSERT INTO settlements (request_id, account_id, code, tier, credits_charged, credits_refunded, cached)
       VALUES (?, 'acct_1', ?, ?, ?, ?, ?)`,
    );
    // 10:00 and 10:20 UTC on 2026-11-30: two quarter hours apart.
    const ten = Date.parse('2026-11-30T10:00:00Z');
    request.run('req_ok', 'POST', '/api/v1/scrape', 200, null, ten, 'https://a.example/x', 'a.example');
    settlement.run('req_ok', null, '3', 5, 0, 0);
    request.run(
      'req_wall',
      'POST',
      '/api/v1/scrape',
      402,
      'PAYWALL_DETECTED',
      ten + 20 * 60_000,
      'https://a.example/y',
      'a.example',
    );
    settlement.run('req_wall', 'PAYWALL_DETECTED', '1', 1, 1, 0);
    request.run('req_usage', 'GET', '/api/v1/usage', 200, null, ten, null, null);

    migrate(db);

    const bucket = ten / (15 * 60_000);
    expect(
      db
        .prepare(
          `SELECT bucket, outcome, requests, credits_charged, credits_refunded FROM usage_outcomes_15m ORDER BY bucket`,
        )
        .all(),
    ).toEqual([
      { bucket, outcome: 'success', requests: 1, credits_charged: 5, credits_refunded: 0 },
      { bucket: bucket + 1, outcome: 'refunded', requests: 1, credits_charged: 1, credits_refunded: 1 },
    ]);
    expect(db.prepare(`SELECT code, requests FROM usage_codes_15m`).all()).toEqual([
      { code: 'PAYWALL_DETECTED', requests: 1 },
    ]);
    expect(
      db
        .prepare(
          `SELECT domain, sum(requests) AS requests, sum(successes) AS successes, sum(tier_total) AS tiers FROM usage_domains_15m GROUP BY domain`,
        )
        .all(),
    ).toEqual([{ domain: 'a.example', requests: 2, successes: 1, tiers: 4 }]);
  });
});
