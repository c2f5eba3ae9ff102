import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrations';
import { databaseBefore } from '../../support/database-before';

describe('the request log’s search columns on a data dir made before them', () => {
  it('fills in the host, the origin and the settled code of the rows already there', () => {
    const db = databaseBefore('ADD COLUMN outcome_code');
    db.exec(`INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_1', 'Old', 'free', 0)`);
    const insert = db.prepare(
      `INSERT INTO requests (request_id, account_id, method, path, status, code, duration_ms, at, url)
       VALUES (?, 'acct_1', ?, ?, ?, ?, 1, 0, ?)`,
    );
    insert.run('req_usage', 'GET', '/api/v1/usage', 200, null, null);
    insert.run(
      'req_sync',
      'POST',
      '/api/v1/scrape',
      402,
      'PAYWALL_DETECTED',
      'https://User:pw@Shop.Example:8443/a?b#c',
    );
    insert.run('req_job', 'POST', '/api/v1/scrape', 202, null, 'http://[::1]:9/x');
    db.exec(`INSERT INTO settlements (request_id, account_id, code, tier, credits_charged, credits_refunded, cached)
             VALUES ('req_job', 'acct_1', 'TIMEOUT', '1', 1, 1, 0)`);

    migrate(db);

    expect(db.prepare(`SELECT request_id, origin, domain, outcome_code FROM requests ORDER BY rowid`).all()).toEqual([
      { request_id: 'req_usage', origin: 'user', domain: null, outcome_code: null },
      { request_id: 'req_sync', origin: 'user', domain: 'shop.example', outcome_code: 'PAYWALL_DETECTED' },
      { request_id: 'req_job', origin: 'user', domain: '[::1]', outcome_code: 'TIMEOUT' },
    ]);
    db.close();
  });
});
