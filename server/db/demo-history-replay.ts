import type Database from 'better-sqlite3';
import { factsOf } from '../../contract/error-codes';
import { scrapeRequestSchema, type ScrapeRequestParsed } from '../../contract/scrape';
import { createBilling } from '../billing/billing-service';
import { settlementOf } from '../billing/settlement';
import type { Clock } from '../clock';
import { createLedgerRepository } from '../repositories/ledger-repository';
import { createRequestLogRepository } from '../repositories/request-log-repository';
import { createTierMemoryRepository } from '../repositories/tier-memory-repository';
import type { DEMO_KEY } from './demo-accounts';
import { DAILY_SCRAPES, HISTORY_DAYS, planFor, type PlannedCall } from './demo-history-plan';

const DAY_MS = 86_400_000;
const SCRAPE_PATH = '/api/v1/scrape';
/** The deposit that pays for the history, so each demo account still holds its seeded balance today. */
export const TOP_UP_CODE = 'TOP_UP';

/** A demo account that gets a history, with its id in this data dir. */
export interface DemoHistoryAccount {
  name: keyof typeof DEMO_KEY;
  id: string;
}

/** A clock the replay sets to each call's moment: the ledger and the tier memory write that time, not now. */
function replayClock(): Clock & { set: (ms: number) => void } {
  let now = 0;
  return {
    now: () => now,
    advance: (seconds) => {
      now += seconds * 1000;
    },
    set: (ms) => {
      now = ms;
    },
  };
}

/**
 * Replays the demo accounts' thirty days through the live code: billing's quote, hold and settlement (so the
 * refund policy decides what comes back), the ledger, and the request log, each at the call's time in the past.
 * One transaction: a history is all there or not at all. Returns how many calls were written.
 */
export function writeDemoHistory(db: Database.Database, accounts: DemoHistoryAccount[], nowMs: number): number {
  const clock = replayClock();
  const ledger = createLedgerRepository(db, clock);
  const billing = createBilling(db, ledger, createTierMemoryRepository(db, clock));
  // Only the batched commit reports through this; `record` writes at once, and a row it cannot write throws and
  // rolls the whole history back.
  const requestLog = createRequestLogRepository(db, (error) => {
    throw error;
  });
  const deposit = db.prepare(
    `INSERT INTO ledger (account_id, at, kind, credits, code) VALUES (?, ?, 'deposit', ?, '${TOP_UP_CODE}')`,
  );
  const start = nowMs - HISTORY_DAYS * DAY_MS;
  let written = 0;
  const requests = new Map<string, ScrapeRequestParsed>();

  db.transaction(() => {
    for (const { name, id } of accounts) {
      const plan = planFor(name, DAILY_SCRAPES[name]!);
      deposit.run(id, start, netCostOf(plan));
      for (const call of plan) {
        clock.set(start + call.atOffsetMs);
        replay(call, id);
        written++;
      }
    }
  })();
  return written;

  function replay(call: PlannedCall, accountId: string) {
    const at = clock.now();
    if (call.kind === 'rate-limited') {
      const code = 'RATE_LIMIT_EXCEEDED';
      return record(call, accountId, { status: factsOf(code).status, code, url: null, at });
    }
    const request = requestOf(call);
    const billed = { accountId, requestId: call.requestId, request };
    // As the live path: a cache hit is answered before anything is held.
    if (call.end.kind !== 'cache-hit') billing.hold(billed, billing.quote(accountId, request));
    billing.settle(billed, call.end);
    const failed = call.end.kind === 'failure' ? call.end.code : null;
    return record(call, accountId, {
      status: failed ? factsOf(failed).status : 200,
      code: failed,
      url: call.url,
      at: at + call.durationMs,
    });
  }

  /** A handful of pages, each read once by the request schema, as the route reads a body. */
  function requestOf(call: PlannedCall & { kind: 'scrape' }) {
    const key = `${call.mode} ${call.maxTier} ${call.url}`;
    let request = requests.get(key);
    if (!request) {
      request = scrapeRequestSchema.parse({ url: call.url, mode: call.mode, max_tier: call.maxTier });
      requests.set(key, request);
    }
    return request;
  }

  function record(
    call: PlannedCall,
    accountId: string,
    answer: { status: number; code: string | null; url: string | null; at: number },
  ) {
    requestLog.record({
      requestId: call.requestId,
      accountId,
      method: 'POST',
      path: SCRAPE_PATH,
      durationMs: call.durationMs,
      sessionId: null,
      ...answer,
    });
  }
}

/** What the plan will cost once settled, by the same settlement rules the replay goes through. */
function netCostOf(plan: PlannedCall[]): number {
  return plan.reduce((sum, call) => {
    if (call.kind !== 'scrape') return sum;
    const { charged, refunded } = settlementOf(call.end, call.mode);
    return sum + charged - refunded;
  }, 0);
}
