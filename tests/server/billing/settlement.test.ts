import { describe, expect, it } from 'vitest';
import { settlementOf } from '../../../server/billing/settlement';

// Prices and policies written out from the contract's prose (tier 1 = 1 credit, tier 3 = 5, pdf +2; the seed's
// refund lists), not read back from the tables the settlement reads.
describe('settlement', () => {
  it('charges a success at the tier that worked, with the mode’s surcharge', () => {
    expect(settlementOf({ kind: 'success', tier: '3' }, 'auto')).toEqual({ charged: 5, refunded: 0 });
    expect(settlementOf({ kind: 'success', tier: '1' }, 'pdf')).toEqual({ charged: 3, refunded: 0 });
  });

  it('serves a cache hit free', () => {
    expect(settlementOf({ kind: 'cache-hit', tier: '2' }, 'auto')).toEqual({ charged: 0, refunded: 0 });
  });

  it('charges a refunded failure for the tier it reached and refunds all of it, once', () => {
    expect(settlementOf({ kind: 'failure', code: 'PAYWALL_DETECTED', tier: '1' }, 'auto')).toEqual({
      charged: 1,
      refunded: 1,
      billing: { refunded: true, refunded_credits: 1 },
    });
    expect(settlementOf({ kind: 'failure', code: 'BLOCKED_BY_ANTIBOT', tier: '3' }, 'auto')).toMatchObject({
      charged: 5,
      refunded: 5,
    });
  });

  it('refunds a server error (5xx) like a scraping failure', () => {
    expect(settlementOf({ kind: 'failure', code: 'SERVICE_UNAVAILABLE', tier: '1' }, 'auto')).toEqual({
      charged: 1,
      refunded: 1,
      billing: { refunded: true, refunded_credits: 1 },
    });
  });

  it('says a failure was refunded even when no tier ran to charge', () => {
    expect(settlementOf({ kind: 'failure', code: 'CHALLENGE_DETECTED', tier: null }, 'auto')).toEqual({
      charged: 0,
      refunded: 0,
      billing: { refunded: true, refunded_credits: 0 },
    });
  });

  it('charges nothing for a failure that is refused before it is charged', () => {
    expect(settlementOf({ kind: 'failure', code: 'EXCEEDS_COST_LIMIT', tier: '1' }, 'auto')).toEqual({
      charged: 0,
      refunded: 0,
    });
  });
});
