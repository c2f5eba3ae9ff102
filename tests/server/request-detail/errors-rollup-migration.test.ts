import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrations';
import { databaseBefore } from '../../support/database-before';

describe('the errors view’s roll-up on a data dir made before it', () => {
  it('counts the failures already logged, by day, code and host, with their refunds', () => {
    const db = databaseBefore('request_day_code_domains');
    db.exec(`INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_1', 'Old', 'free', 0)`);
    const insert = db.prepare(
      `INSERT INTO requests (request_id, account_id, method, path, status, code, duration_ms, at, url)
       VALUES (?, 'acct_1', ?, ?, ?, ?, 1, ?, ?)`,
    );
    const day2 = 2 * 86_400_000;
    insert.run('ok', 'POST', '/api/v1/scrape', 200, null, 0, 'https://shop.example/a');
    insert.run('paywall_1', 'POST', '/api/v1/scrape', 402, 'PAYWALL_DETECTED', 5, 'https://Shop.Example/b');
    insert.run('paywall_2', 'POST', '/api/v1/scrape', 402, 'PAYWALL_DETECTED', day2, 'https://shop.example/c');
    insert.run('job', 'POST', '/api/v1/scrape', 202, null, day2, 'https://other.test/');
    insert.run('no_key', 'GET', '/api/v1/usage', 401, 'INVALID_API_KEY', day2, null);
    db.exec(`INSERT INTO settlements (request_id, account_id, code, tier, credits_charged, credits_refunded, cached)
             VALUES ('paywall_1', 'acct_1', 'PAYWALL_DETECTED', '1', 1, 1, 0),
                    ('job', 'acct_1', 'TIMEOUT', '3', 5, 5, 0)`);

    migrate(db);
    const rows = () =>
      db.prepare(`SELECT day, code, domain, n, refunded FROM request_day_code_domains ORDER BY 1, 2`).all();
    expect(rows()).toEqual([
      { day: 0, code: 'PAYWALL_DETECTED', domain: 'shop.example', n: 1, refunded: 1 },
      { day: 2, code: 'INVALID_API_KEY', domain: '', n: 1, refunded: 0 },
      { day: 2, code: 'PAYWALL_DETECTED', domain: 'shop.example', n: 1, refunded: 0 },
      { day: 2, code: 'TIMEOUT', domain: 'other.test', n: 1, refunded: 5 },
    ]);

    // After it: a job logged at its 202 and settled later is counted once, under the code it settled with.
    insert.run('job_2', 'POST', '/api/v1/scrape', 202, null, day2, 'https://other.test/x');
    db.exec(`INSERT INTO settlements (request_id, account_id, code, tier, credits_charged, credits_refunded, cached)
             VALUES ('job_2', 'acct_1', 'TIMEOUT', '3', 5, 5, 0)`);
    // A sync failure settles before its row is written.
    db.exec(`INSERT INTO settlements (request_id, account_id, code, tier, credits_charged, credits_refunded, cached)
             VALUES ('sync_1', 'acct_1', 'TIMEOUT', '1', 1, 1, 0)`);
    insert.run('sync_1', 'POST', '/api/v1/scrape', 504, 'TIMEOUT', day2, 'https://other.test/y');
    expect(rows()).toContainEqual({ day: 2, code: 'TIMEOUT', domain: 'other.test', n: 3, refunded: 11 });
    db.close();
  });

  it('no longer counts the dashboard’s own background calls, those already counted included', () => {
    const db = databaseBefore("WHERE r.origin = 'user'");
    db.exec(`INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_1', 'Old', 'free', 0)`);
    const insert = db.prepare(
      `INSERT INTO requests (request_id, account_id, method, path, status, code, duration_ms, at, url, origin)
       VALUES (?, 'acct_1', 'GET', '/api/v1/requests/x', 404, 'NOT_FOUND', 1, 0, NULL, ?)`,
    );
    insert.run('theirs', 'user');
    insert.run('lookup', 'dashboard');
    const rows = () => db.prepare(`SELECT code, n FROM request_day_code_domains`).all();
    expect(rows()).toEqual([{ code: 'NOT_FOUND', n: 2 }]);

    migrate(db);
    expect(rows()).toEqual([{ code: 'NOT_FOUND', n: 1 }]);
    insert.run('another_lookup', 'dashboard');
    insert.run('theirs_again', 'user');
    expect(rows()).toEqual([{ code: 'NOT_FOUND', n: 2 }]);
    db.close();
  });
});
