import { describe, expect, it } from 'vitest';
import type { RateLimitSample } from '../../../src/api/rate-limit-store';
import { describeRateLimit } from '../../../src/features/rate-limits/describe-rate-limit';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const sample = (overrides: Partial<RateLimitSample>): RateLimitSample => ({
  at: NOW,
  limit: 30,
  remaining: 20,
  reset: NOW / 1000 + 40,
  window: 'minute',
  source: 'dashboard',
  method: 'GET',
  path: '/usage',
  status: 200,
  code: null,
  retryAfter: null,
  ...overrides,
});

describe('what the meter says', () => {
  it('names the state in words, not colour alone', () => {
    expect(describeRateLimit(sample({}), NOW)).toMatchObject({ state: 'ok', stateLabel: 'OK:', resetsIn: 40 });
    expect(describeRateLimit(sample({ remaining: 5 }), NOW).stateLabel).toBe('Low:');
    expect(describeRateLimit(sample({ remaining: 0, status: 429 }), NOW).stateLabel).toBe('Exhausted:');
  });

  it('says the counts are old once the window has reset', () => {
    const view = describeRateLimit(sample({ remaining: 0 }), NOW + 41_000);
    expect(view).toMatchObject({ state: 'reset', resetsIn: 0 });
  });

  it('describes a burst window and who made the last call', () => {
    const view = describeRateLimit(sample({ window: 'second', limit: 5, remaining: 0, source: 'user' }), NOW);
    expect(view).toMatchObject({ window: 'second', limit: 5, sourceLabel: 'you' });
  });
});
