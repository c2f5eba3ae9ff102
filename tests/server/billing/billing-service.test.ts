import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { scrapeRequestSchema } from '../../../contract/scrape';
import { createBilling } from '../../../server/billing/billing-service';
import { migrate } from '../../../server/db/migrations';
import { createLedgerRepository, type LedgerRepository } from '../../../server/repositories/ledger-repository';
import { createTierMemoryRepository } from '../../../server/repositories/tier-memory-repository';

const clock = { now: () => Date.UTC(2026, 11, 3), advance: () => undefined };
const request = scrapeRequestSchema.parse({ url: 'https://shop.example/item' });

function billingOver(ledgerOf: (db: Database.Database) => LedgerRepository) {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare(`INSERT INTO accounts (id, name, plan, created_at) VALUES ('acc_1', 'One', 'starter', 0)`).run();
  return createBilling(db, ledgerOf(db), createTierMemoryRepository(db, clock));
}

describe('billing', () => {
  it('quotes the tier that last worked for the page, once its scrape is settled', () => {
    const billing = billingOver((db) => createLedgerRepository(db, clock));
    expect(billing.estimate('acc_1', request).estimated_tier).toBe('1');
    billing.settle({ accountId: 'acc_1', requestId: 'req_1', request }, { kind: 'success', tier: '3' });
    expect(billing.estimate('acc_1', request)).toMatchObject({ estimated_tier: '3', confidence: 'high' });
  });

  it('remembers no tier for a settlement that could not be written', () => {
    const billing = billingOver((db) => ({
      ...createLedgerRepository(db, clock),
      // Only called, never used as a transaction of its own.
      settle: (() => {
        throw new Error('disk full');
      }) as unknown as LedgerRepository['settle'],
    }));
    const before = billing.estimate('acc_1', request);
    expect(() =>
      billing.settle({ accountId: 'acc_1', requestId: 'req_1', request }, { kind: 'success', tier: '3' }),
    ).toThrow('disk full');
    expect(billing.estimate('acc_1', request)).toEqual(before);
  });
});
