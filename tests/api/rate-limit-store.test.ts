import { describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../src/api/credentials-store';
import {
  connectedBudgetIsLow,
  isBudgetLow,
  keyFingerprint,
  minuteWindowOf,
  useRateLimitStore,
  type RateLimitSample,
} from '../../src/api/rate-limit-store';
import { DEMO_KEY } from '../support/demo-keys';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const RESET = NOW / 1000 + 40;
const sample = (overrides: Partial<RateLimitSample> = {}): RateLimitSample => ({
  at: NOW,
  limit: 30,
  remaining: 20,
  reset: RESET,
  burst: { limit: 5, remaining: 4 },
  source: 'dashboard',
  method: 'GET',
  path: '/usage',
  status: 200,
  code: null,
  retryAfter: null,
  ...overrides,
});

describe('the rate-limit store', () => {
  it('keeps each key’s answers apart, under a fingerprint that is not the key', () => {
    const { responseObserved } = useRateLimitStore.getState();
    responseObserved(keyFingerprint(DEMO_KEY.free), sample({ remaining: 3 }));
    responseObserved(keyFingerprint(DEMO_KEY.growth), sample({ limit: 100, remaining: 99 }));
    const { byKey } = useRateLimitStore.getState();
    expect(byKey[keyFingerprint(DEMO_KEY.free)]?.map((one) => one.remaining)).toEqual([3]);
    expect(byKey[keyFingerprint(DEMO_KEY.growth)]?.map((one) => one.remaining)).toEqual([99]);
    expect(keyFingerprint(DEMO_KEY.free)).not.toBe(keyFingerprint(DEMO_KEY.growth));
    expect(JSON.stringify(byKey)).not.toContain('sk_test_');
  });

  it('reads the minute window: the fewest left of answers that arrived out of order, and the dashboard’s share', () => {
    const window = minuteWindowOf([
      sample({ remaining: 25, reset: RESET - 60, source: 'dashboard' }), // the previous window
      sample({ remaining: 18, source: 'dashboard' }),
      sample({ remaining: 16, source: 'user', method: 'POST', path: '/scrape' }),
      sample({ remaining: 0, status: 429, source: 'dashboard', code: 'RATE_LIMIT_EXCEEDED' }), // refused: not spent
      sample({ remaining: 17, source: 'dashboard' }), // answered after the 16
    ]);
    expect(window).toMatchObject({ limit: 30, remaining: 0, dashboardCalls: 2, used: 30 });
    expect(minuteWindowOf([sample({ remaining: 17 }), sample({ remaining: 16, source: 'user' })])).toMatchObject({
      remaining: 16,
      used: 14,
      dashboardCalls: 1,
    });
    expect(minuteWindowOf([])).toBeNull();
  });

  it('calls the budget low at a fifth of the minute or less, until the window resets', () => {
    const at = (remaining: number) => minuteWindowOf([sample({ remaining })]);
    expect(isBudgetLow(at(7), NOW)).toBe(false);
    expect(isBudgetLow(at(6), NOW)).toBe(true);
    expect(isBudgetLow(at(0), NOW)).toBe(true);
    expect(isBudgetLow(at(0), (RESET + 1) * 1000)).toBe(false);
    expect(isBudgetLow(null, NOW)).toBe(false);
  });

  it('says whether the connected key’s budget is low, not another key’s', () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
    const { responseObserved } = useRateLimitStore.getState();
    responseObserved(keyFingerprint(DEMO_KEY.free), sample({ remaining: 1 }));
    expect(connectedBudgetIsLow(NOW)).toBe(false);
    responseObserved(keyFingerprint(DEMO_KEY.growth), sample({ limit: 100, remaining: 12 }));
    expect(connectedBudgetIsLow(NOW)).toBe(true);
  });
});
