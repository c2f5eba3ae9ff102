import type Database from 'better-sqlite3';
import type { Clock } from '../clock';

export interface MonthTotals {
  creditsUsed: number;
  creditsRefunded: number;
}

export interface LedgerEntry {
  id: number;
  at: string;
  kind: 'deposit' | 'charge' | 'refund';
  credits: number;
  request_id: string | null;
  code: string | null;
  url: string | null;
}

export type HoldResult = { ok: true } | { ok: false; available: number };

export interface Settlement {
  requestId: string;
  accountId: string;
  /** Credits charged once for the request (0: nothing to charge). */
  charge: number;
  /** Refund the charge in full, per the refund policy. */
  refund: boolean;
  code: string | null;
  url: string | null;
}

interface LedgerRow {
  id: number;
  at: number;
  kind: LedgerEntry['kind'];
  credits: number;
  request_id: string | null;
  code: string | null;
  url: string | null;
}

/**
 * The ledger is the only source of balances: a balance is the sum of an
 * account's entries. A running scrape holds credits (not in the ledger), and
 * settles once: one charge, and at most one refund of it. The unique index on
 * (request_id, kind) makes a second charge or refund impossible, not just unlikely.
 */
export function createLedgerRepository(db: Database.Database, clock: Clock) {
  const balanceOf = db.prepare<[string], { balance: number }>(
    `SELECT coalesce(sum(credits), 0) AS balance FROM ledger WHERE account_id = ?`,
  );
  const heldBy = db.prepare<[string], { held: number }>(
    `SELECT coalesce(sum(credits), 0) AS held FROM holds WHERE account_id = ?`,
  );
  const totalsSince = db.prepare<[string, number], { used: number; refunded: number }>(
    `SELECT coalesce(sum(CASE WHEN kind = 'charge' THEN -credits END), 0) AS used,
            coalesce(sum(CASE WHEN kind = 'refund' THEN credits END), 0) AS refunded
       FROM ledger WHERE account_id = ? AND at >= ?`,
  );
  const insertHold = db.prepare(`INSERT INTO holds (request_id, account_id, credits, at) VALUES (?, ?, ?, ?)`);
  const deleteHold = db.prepare(`DELETE FROM holds WHERE request_id = ?`);
  const insertEntry = db.prepare(
    `INSERT INTO ledger (account_id, at, kind, credits, request_id, code, url) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const settledBefore = db.prepare<[string], { n: number }>(
    `SELECT count(*) AS n FROM ledger WHERE request_id = ? AND kind = 'charge'`,
  );
  const staleHolds = db.prepare(
    `DELETE FROM holds WHERE request_id NOT IN (SELECT request_id FROM jobs WHERE status IN ('queued', 'processing'))`,
  );
  const page = db.prepare<[string, number, number], LedgerRow>(
    `SELECT id, at, kind, credits, request_id, code, url FROM ledger
      WHERE account_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
  );

  const balance = (accountId: string) => balanceOf.get(accountId)!.balance;

  return {
    balance,
    available: (accountId: string) => balance(accountId) - heldBy.get(accountId)!.held,

    /** Sets credits aside for a request, if the account has them beyond what other running requests hold. */
    hold: db.transaction((accountId: string, requestId: string, credits: number): HoldResult => {
      const available = balance(accountId) - heldBy.get(accountId)!.held;
      if (available < credits) return { ok: false, available };
      insertHold.run(requestId, accountId, credits, clock.now());
      return { ok: true };
    }),

    releaseHold: (requestId: string) => void deleteHold.run(requestId),

    /** At start-up: holds of sync scrapes a stopped server never settled; pending jobs keep theirs. */
    releaseStaleHolds: () => staleHolds.run().changes,

    settle: db.transaction((settlement: Settlement) => {
      deleteHold.run(settlement.requestId);
      // A job re-run after a crash settles a second time: the first settlement stands, whole.
      if (settlement.charge <= 0 || settledBefore.get(settlement.requestId)!.n > 0) return;
      const { accountId, requestId, charge, code, url } = settlement;
      const at = clock.now();
      insertEntry.run(accountId, at, 'charge', -charge, requestId, code, url);
      if (settlement.refund) insertEntry.run(accountId, at, 'refund', charge, requestId, code, url);
    }),

    totalsSince(accountId: string, sinceMs: number): MonthTotals {
      const row = totalsSince.get(accountId, sinceMs)!;
      return { creditsUsed: row.used, creditsRefunded: row.refunded };
    },

    /** Newest first; the cursor is the id of the last entry seen. */
    auditLog(
      accountId: string,
      limit: number,
      cursor: number | null,
    ): { entries: LedgerEntry[]; next_cursor: string | null } {
      const rows = page.all(accountId, cursor ?? Number.MAX_SAFE_INTEGER, limit + 1);
      const entries = rows.slice(0, limit).map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
      const last = entries.at(-1);
      return { entries, next_cursor: rows.length > limit && last ? String(last.id) : null };
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
