import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../server/db/migrations';

describe('migrations', () => {
  it('moves what a request cost out of a data dir made before settlements, so its log reads the same', () => {
    const db = new Database(':memory:');
    db.exec(MIGRATIONS[0]!);
    db.exec(MIGRATIONS[1]!);
    db.pragma('user_version = 2');
    db.exec(`INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_1', 'Old', 'free', 0)`);
    const insert = db.prepare(
      `INSERT INTO requests (request_id, account_id, method, path, status, code, duration_ms, at, credits_charged,
                             credits_refunded, tier, url, cached) VALUES (?, 'acct_1', ?, ?, ?, ?, 1, 0, ?, ?, ?, ?, ?)`,
    );
    insert.run('req_usage', 'GET', '/api/v1/usage', 200, null, 0, 0, null, null, 0);
    insert.run('req_paywall', 'POST', '/api/v1/scrape', 402, 'PAYWALL_DETECTED', 1, 1, '1', 'http://x/', 0);
    insert.run('req_hit', 'POST', '/api/v1/scrape', 200, null, 0, 0, '2', 'http://y/', 1);

    migrate(db);

    const rows = db
      .prepare(`SELECT request_id, code, credits_charged, credits_refunded, tier, url, cached FROM request_log`)
      .all();
    expect(rows).toEqual([
      {
        request_id: 'req_usage',
        code: null,
        credits_charged: 0,
        credits_refunded: 0,
        tier: null,
        url: null,
        cached: 0,
      },
      {
        request_id: 'req_paywall',
        code: 'PAYWALL_DETECTED',
        credits_charged: 1,
        credits_refunded: 1,
        tier: '1',
        url: 'http://x/',
        cached: 0,
      },
      {
        request_id: 'req_hit',
        code: null,
        credits_charged: 0,
        credits_refunded: 0,
        tier: '2',
        url: 'http://y/',
        cached: 1,
      },
    ]);
    db.close();
  });

  it('keys the cache and the tier memory by account, keeping a data dir’s cached answers with their owner', () => {
    const db = new Database(':memory:');
    for (const migration of MIGRATIONS.slice(0, 3)) db.exec(migration);
    db.pragma('user_version = 3');
    db.exec(
      `INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_1', 'Old', 'free', 0), ('acct_2', 'B', 'free', 0)`,
    );
    db.exec(`INSERT INTO scrape_cache VALUES ('k1', 'acct_1', '{}', 1, 2)`);
    db.exec(`INSERT INTO tier_memory VALUES ('http://x/', '2', 1)`);

    migrate(db);

    expect(db.prepare(`SELECT account_id, cache_key FROM scrape_cache`).all()).toEqual([
      { account_id: 'acct_1', cache_key: 'k1' },
    ]);
    // The same request cached for two accounts is two rows now.
    db.exec(`INSERT INTO scrape_cache VALUES ('acct_2', 'k1', '{}', 1, 2)`);
    expect(db.prepare(`SELECT count(*) AS n FROM scrape_cache`).get()).toEqual({ n: 2 });
    expect(db.prepare(`SELECT count(*) AS n FROM tier_memory`).get()).toEqual({ n: 0 });
    db.exec(`INSERT INTO tier_memory VALUES ('acct_1', 'http://x/', '2', 1), ('acct_2', 'http://x/', '1', 1)`);
    db.close();
  });
});
