import type Database from 'better-sqlite3';
import type { Clock } from '../clock';

export interface MonthTotals {
  creditsUsed: number;
  creditsRefunded: number;
}

/** The ledger is the only source of balances: a balance is the sum of an account's entries. */
export function createLedgerRepository(db: Database.Database, _clock: Clock) {
  const balanceOf = db.prepare<[string], { balance: number }>(
    `SELECT coalesce(sum(credits), 0) AS balance FROM ledger WHERE account_id = ?`,
  );
  const totalsSince = db.prepare<[string, number], { used: number; refunded: number }>(
    `SELECT coalesce(sum(CASE WHEN kind = 'charge' THEN -credits END), 0) AS used,
            coalesce(sum(CASE WHEN kind = 'refund' THEN credits END), 0) AS refunded
       FROM ledger WHERE account_id = ? AND at >= ?`,
  );

  return {
    balance: (accountId: string) => balanceOf.get(accountId)!.balance,
    totalsSince(accountId: string, sinceMs: number): MonthTotals {
      const row = totalsSince.get(accountId, sinceMs)!;
      return { creditsUsed: row.used, creditsRefunded: row.refunded };
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
