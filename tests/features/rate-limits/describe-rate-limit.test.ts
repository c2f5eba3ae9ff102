import { describe, expect, it } from 'vitest';
import { minuteWindowOf, type RateLimitSample } from '../../../src/api/rate-limit-store';
import { describeRateLimit } from '../../../src/features/rate-limits/describe-rate-limit';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const windowOf = (overrides: Partial<RateLimitSample>) =>
  minuteWindowOf([
    {
      at: NOW,
      limit: 30,
      remaining: 20,
      reset: NOW / 1000 + 40,
      burst: { limit: 5, remaining: 4 },
      source: 'dashboard',
      method: 'GET',
      path: '/usage',
      status: 200,
      code: null,
      retryAfter: null,
      ...overrides,
    },
  ])!;

describe('what the meter says', () => {
  it('names the state in words, not colour alone', () => {
    expect(describeRateLimit(windowOf({}), 'free', NOW)).toMatchObject({
      state: 'ok',
      stateLabel: 'OK:',
      resetsIn: 40,
    });
    expect(describeRateLimit(windowOf({ remaining: 5 }), 'free', NOW).stateLabel).toBe('Low:');
    expect(describeRateLimit(windowOf({ remaining: 0, status: 429 }), 'free', NOW).stateLabel).toBe('Exhausted:');
  });

  it('tells a spent burst (a second’s pause) from a spent minute', () => {
    const refused = { status: 429, code: 'RATE_LIMIT_EXCEEDED' };
    const burst = describeRateLimit(
      windowOf({ ...refused, remaining: 25, burst: { limit: 5, remaining: 0 } }),
      'free',
      NOW,
    );
    expect(burst).toMatchObject({ state: 'burst', stateLabel: 'Wait 1 s:', remaining: 25 });
    const minute = describeRateLimit(
      windowOf({ ...refused, remaining: 0, burst: { limit: 5, remaining: 5 } }),
      'free',
      NOW,
    );
    expect(minute.stateLabel).toBe('Exhausted:');
  });

  it('stops saying "wait" once the refused second is over, and counts the burst whole again', () => {
    const refusal = windowOf({
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
      remaining: 24,
      burst: { limit: 5, remaining: 0 },
      retryAfter: 1,
    });
    expect(describeRateLimit(refusal, 'free', NOW + 500)).toMatchObject({
      stateLabel: 'Wait 1 s:',
      burst: { limit: 5, remaining: 0 },
    });
    expect(describeRateLimit(refusal, 'free', NOW + 6_000)).toMatchObject({
      state: 'ok',
      stateLabel: 'OK:',
      remaining: 24,
      burst: { limit: 5, remaining: 5 },
    });
    // An answered call's burst figure is of its second too.
    expect(describeRateLimit(windowOf({ burst: { limit: 5, remaining: 1 } }), 'free', NOW + 2_000).burst).toEqual({
      limit: 5,
      remaining: 5,
    });
  });

  it('says the counts are old once the window has reset', () => {
    expect(describeRateLimit(windowOf({ remaining: 0 }), 'free', NOW + 41_000)).toMatchObject({
      state: 'reset',
      resetsIn: 0,
    });
  });

  it('shows the minute with the burst beside it, and the plan', () => {
    const view = describeRateLimit(windowOf({ source: 'user' }), 'growth', NOW);
    expect(view).toMatchObject({ limit: 30, remaining: 20, burst: { limit: 5, remaining: 4 }, sourceLabel: 'you' });
    expect(view.planLabel).toBe('Growth plan');
  });
});
