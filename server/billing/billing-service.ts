import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { ErrorBilling } from '../../contract/envelope';
import { priceOf, type Tier } from '../../contract/pricing';
import type { Estimate, ScrapeRequestParsed } from '../../contract/scrape';
import { fail } from '../errors';
import type { LedgerRepository } from '../repositories/ledger-repository';
import type { TierMemoryRepository } from '../repositories/tier-memory-repository';
import { estimateScrape, tierMemoryKey } from './estimate';
import { settlementOf, type ScrapeEnd } from './settlement';

/** A request as billing sees it: whose, which, and what it asked for. */
export interface Billed {
  accountId: string;
  requestId: string;
  request: ScrapeRequestParsed;
}

/** Estimate, hold and one settlement per request, over the ledger and the tier that last worked for a page. */
export function createBilling(db: Database.Database, ledger: LedgerRepository, tierMemory: TierMemoryRepository) {
  /** What `accountId` is quoted for the request: from that account's own runs of the page, no one else's. */
  const estimate = (accountId: string, request: ScrapeRequestParsed) =>
    estimateScrape(request, tierMemory.get(accountId, tierMemoryKey(request.url)));

  return {
    estimate,

    /** The estimate of a request about to run, refused if it already costs more than max_credits. */
    quote(accountId: string, request: ScrapeRequestParsed): Estimate {
      const quoted = estimate(accountId, request);
      if (request.max_credits !== undefined && quoted.estimated_credits > request.max_credits) {
        throw exceedsCostLimit(request, quoted.estimated_tier);
      }
      return quoted;
    },

    /** Sets the most the request can cost aside, so concurrent scrapes can never overdraw the balance. */
    hold({ accountId, requestId }: Billed, quoted: Estimate) {
      const held = ledger.hold(accountId, requestId, quoted.max_possible_credits);
      if (held.ok) return;
      throw fail('INSUFFICIENT_CREDITS', 'Your account has insufficient balance for this request', {
        details: {
          required_credits: quoted.max_possible_credits,
          available_credits: held.available,
          estimated_tier: quoted.estimated_tier,
        },
      });
    },

    release: (requestId: string) => ledger.releaseHold(requestId),

    /**
     * The request's one settlement: its hold released, charged and refunded as the code's policy says. The tier
     * that worked is remembered in the same transaction: one commit a scrape instead of two, and never one without
     * the other.
     */
    settle: db.transaction(({ accountId, requestId, request }: Billed, end: ScrapeEnd): ErrorBilling | undefined => {
      if (end.kind === 'success') tierMemory.remember(accountId, tierMemoryKey(request.url), end.tier);
      const { charged, refunded, billing } = settlementOf(end, request.mode);
      const code = end.kind === 'failure' ? end.code : null;
      const cached = end.kind === 'cache-hit';
      ledger.settle({ accountId, requestId, url: request.url, code, tier: end.tier, charged, refunded, cached });
      return billing;
    }),
  };
}

export type Billing = ReturnType<typeof createBilling>;

/** The request would cost more at `tier` than its max_credits allow. */
export function exceedsCostLimit(request: ScrapeRequestParsed, tier: Tier) {
  const required = priceOf(tier, request.mode);
  const cost = `${required} ${required === 1 ? 'credit' : 'credits'}`;
  const message = `This request would cost ${cost}, more than max_credits ${request.max_credits}`;
  return fail('EXCEEDS_COST_LIMIT', message, {
    details: { estimated_credits: required, max_credits: request.max_credits, tier },
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    billing: Billing;
  }
}

export default fp(
  async (app) => {
    app.decorate('billing', createBilling(app.db, app.ledger, app.tierMemory));
    // Holds of sync scrapes a stopped server never settled; pending jobs keep theirs.
    app.addHook('onReady', async () => {
      app.ledger.releaseStaleHolds();
    });
  },
  { name: 'billing', dependencies: ['database', 'ledger-repository', 'tier-memory-repository'] },
);
