import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { ErrorCode } from '../../contract/error-codes';
import type { Tier } from '../../contract/pricing';
import type { AuditLogPage, LedgerEntry } from '../../contract/usage';
import type { Clock } from '../clock';
import { maskSecrets } from '../lib/mask-secrets';
import { UNFINISHED_JOB_STATUSES } from './jobs-repository';

export type HoldResult = { ok: true } | { ok: false; available: number };

/** Where a page of the audit log starts: after the cursor, or after `offset` entries; the newest when neither. */
interface AuditLogPaging {
  limit: number;
  cursor?: number;
  offset?: number;
}

/** What billing decided for one request: recorded once, with its ledger entries. */
export interface Settlement {
  requestId: string;
  accountId: string;
  url: string;
  code: ErrorCode | null;
  tier: Tier | null;
  charged: number;
  refunded: number;
  cached: boolean;
}

type LedgerRow = Omit<LedgerEntry, 'at'> & { at: number };

/**
 * The ledger is the only source of balances: a balance is the sum of an
 * account's entries. A running scrape holds credits (not in the ledger), and
 * settles once: one settlement, one charge, and at most one refund. The unique index
 * on (request_id, kind) makes a second charge or refund impossible, not just unlikely.
 */
export function createLedgerRepository(db: Database.Database, clock: Clock) {
  // The ledger's sum, kept by a trigger as entries are written (migration 5): one row, however long the history.
  const balanceOf = db.prepare<[string], { balance: number }>(
    `SELECT coalesce((SELECT balance FROM account_totals WHERE account_id = ?), 0) AS balance`,
  );
  // What the account's running scrapes hold: a range of the holds index (the usage roll-ups' migration).
  const heldBy = db.prepare<[string], { held: number }>(
    `SELECT coalesce(sum(credits), 0) AS held FROM holds WHERE account_id = ?`,
  );
  const insertHold = db.prepare(`INSERT INTO holds (request_id, account_id, credits, at) VALUES (?, ?, ?, ?)`);
  const deleteHold = db.prepare(`DELETE FROM holds WHERE request_id = ?`);
  const insertEntry = db.prepare(
    `INSERT INTO ledger (account_id, at, kind, credits, request_id, code, url) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSettlement = db.prepare(
    `INSERT OR IGNORE INTO settlements (request_id, account_id, code, tier, credits_charged, credits_refunded, cached)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const staleHolds = db.prepare<[string]>(
    `DELETE FROM holds WHERE request_id NOT IN
       (SELECT request_id FROM jobs WHERE status IN (SELECT value FROM json_each(?)))`,
  );
  const entriesOf = db.prepare<[string], { entries: number }>(
    `SELECT coalesce((SELECT entries FROM account_totals WHERE account_id = ?), 0) AS entries`,
  );
  // By the entry's number within its account (the ledger numbers' migration): after a cursor (the last number seen)
  // or at an offset, a page is a seek, not a walk.
  const pageBelow = db.prepare<[string, number, number], LedgerRow & { number: number }>(
    `SELECT number, id, at, kind, credits, request_id, code, url FROM ledger
      WHERE account_id = ? AND number < ? ORDER BY number DESC LIMIT ?`,
  );

  const balance = (accountId: string) => balanceOf.get(accountId)!.balance;

  return {
    balance,

    /** Sets credits aside for a request, if the account has them beyond what other running requests hold. */
    hold: db.transaction((accountId: string, requestId: string, credits: number): HoldResult => {
      const available = balance(accountId) - heldBy.get(accountId)!.held;
      if (available < credits) return { ok: false, available };
      insertHold.run(requestId, accountId, credits, clock.now());
      return { ok: true };
    }),

    releaseHold: (requestId: string) => void deleteHold.run(requestId),

    /** At start-up: holds of sync scrapes a stopped server never settled; pending jobs keep theirs. */
    releaseStaleHolds: () => staleHolds.run(UNFINISHED_JOB_STATUSES).changes,

    settle: db.transaction((settlement: Settlement) => {
      const { accountId, requestId, charged, refunded, code } = settlement;
      // The audit log is read by people: a key in the scraped URL's query is not theirs to see.
      const url = maskSecrets(settlement.url);
      deleteHold.run(requestId);
      const row = [requestId, accountId, code, settlement.tier, charged, refunded, settlement.cached ? 1 : 0];
      // A job re-run after a crash settles a second time: the first settlement stands, whole.
      if (insertSettlement.run(...row).changes === 0) return;
      const at = clock.now();
      if (charged > 0) insertEntry.run(accountId, at, 'charge', -charged, requestId, code, url);
      if (refunded > 0) insertEntry.run(accountId, at, 'refund', refunded, requestId, code, url);
    }),

    /**
     * Newest first, after the cursor (the number of the last entry seen) or the offset (entries skipped). One transaction,
     * so the total and the page are of the same moment even while another connection writes.
     */
    auditLog: db.transaction((accountId: string, paging: AuditLogPaging): AuditLogPage => {
      const total = entriesOf.get(accountId)!.entries;
      const below = paging.offset === undefined ? (paging.cursor ?? total + 1) : total - paging.offset + 1;
      const rows = pageBelow.all(accountId, below, paging.limit + 1);
      const page = rows.slice(0, paging.limit);
      const entries = page.map(({ number: _number, ...row }) => ({ ...row, at: new Date(row.at).toISOString() }));
      const last = page.at(-1);
      const hasMore = rows.length > paging.limit && last !== undefined;
      return { entries, next_cursor: hasMore ? String(last.number) : null, total, has_more: hasMore };
    }),
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    ledger: LedgerRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('ledger', createLedgerRepository(app.db, app.clock));
  },
  { name: 'ledger-repository', dependencies: ['database', 'clock'] },
);
