import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../server/db/migrations';

const ACCOUNT_TOTALS_MIGRATION = 4;

describe('the running totals of the ledger', () => {
  it('are rebuilt from the ledger of a data dir made before them, then kept as entries are written', () => {
    const db = new Database(':memory:');
    for (const migration of MIGRATIONS.slice(0, ACCOUNT_TOTALS_MIGRATION)) db.exec(migration);
    db.pragma(`user_version = ${ACCOUNT_TOTALS_MIGRATION}`);
    db.exec(`INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_old', 'Old', 'free', 0),
                                                                    ('acct_empty', 'Empty', 'free', 0)`);
    const entry = db.prepare(`INSERT INTO ledger (account_id, at, kind, credits, request_id) VALUES (?, 0, ?, ?, ?)`);
    entry.run('acct_old', 'deposit', 1000, null);
    entry.run('acct_old', 'charge', -5, 'req_1');
    entry.run('acct_old', 'refund', 5, 'req_1');
    entry.run('acct_old', 'charge', -2, 'req_2');

    migrate(db);
    entry.run('acct_old', 'charge', -1, 'req_3');
    db.exec(`INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_new', 'New', 'free', 0)`);
    entry.run('acct_new', 'deposit', 50, null);

    const totals = db.prepare(`SELECT * FROM account_totals ORDER BY account_id`).all();
    expect(totals).toEqual([
      { account_id: 'acct_empty', balance: 0, deposited: 0, charged: 0, refunded: 0, entries: 0 },
      { account_id: 'acct_new', balance: 50, deposited: 50, charged: 0, refunded: 0, entries: 1 },
      { account_id: 'acct_old', balance: 997, deposited: 1000, charged: 8, refunded: 5, entries: 5 },
    ]);
    // Numbered within the account in the order written, those of the old data dir by the migration.
    expect(db.prepare(`SELECT account_id, number FROM ledger ORDER BY id`).all()).toEqual([
      ...[1, 2, 3, 4, 5].map((number) => ({ account_id: 'acct_old', number })),
      { account_id: 'acct_new', number: 1 },
    ]);
    const sums = db.prepare(`SELECT account_id, sum(credits) AS balance FROM ledger GROUP BY 1 ORDER BY 1`).all();
    expect(sums).toEqual([
      { account_id: 'acct_new', balance: 50 },
      { account_id: 'acct_old', balance: 997 },
    ]);
    db.close();
  });

  it('answer usage by time from the ledger’s time index, not the account’s whole history', () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT sum(credits) FROM ledger WHERE account_id = ? AND at >= ?`)
      .all('acct', 0) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(
      /USING INDEX ledger_account_at \(account_id=\? AND at>\?\)/,
    );
    db.close();
  });
});
