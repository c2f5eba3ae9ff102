import type { ErrorBilling } from '../../contract/envelope';
import { factsOf, type ErrorCode } from '../../contract/error-codes';
import { priceOf, type ScrapeMode, type Tier } from '../../contract/pricing';

/** How a scrape ended, as billing sees it. */
export type ScrapeEnd =
  | { kind: 'success'; tier: Tier }
  | { kind: 'cache-hit'; tier: Tier | null }
  /** `tier`: the highest tier that ran (for an injected fault, the estimated one); null when none did. */
  | { kind: 'failure'; code: ErrorCode; tier: Tier | null };

export interface Charges {
  charged: number;
  refunded: number;
  /** The envelope's `billing`, for a failure whose credits were at stake. */
  billing?: ErrorBilling;
}

/**
 * What a request costs, decided by the code's refund policy in the contract: a success is charged at the tier
 * that worked, a cache hit is free, a refunded failure is charged for the tier it reached and refunded in full,
 * and a failure that is not charged costs nothing.
 */
export function settlementOf(end: ScrapeEnd, mode: ScrapeMode): Charges {
  const price = end.tier ? priceOf(end.tier, mode) : 0;
  if (end.kind === 'cache-hit') return { charged: 0, refunded: 0 };
  if (end.kind === 'success') return { charged: price, refunded: 0 };
  switch (factsOf(end.code).refund) {
    case 'refunded':
      return { charged: price, refunded: price, billing: { refunded: true, refunded_credits: price } };
    case 'not-refunded':
      return { charged: price, refunded: 0, billing: { refunded: false, refunded_credits: 0 } };
    default:
      return { charged: 0, refunded: 0 };
  }
}
