import { afterEach, describe, expect, it } from 'vitest';
import { forecastRateLimit } from '../../src/api/rate-limit-forecast';
import { flushSamples } from '../../src/api/rate-limit-persistence';
import {
  keyFingerprint,
  minuteWindowOf,
  SampleLog,
  stopSharing,
  useRateLimitStore,
  type RateLimitSample,
} from '../../src/api/rate-limit-store';
import { DEMO_KEY } from '../support/demo-keys';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const RESET = NOW / 1000 + 40;
const FREE = keyFingerprint(DEMO_KEY.free);
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
const store = () => useRateLimitStore.getState();
const remainingOf = (fingerprint: string) => store().byKey[fingerprint]?.map((one) => one.remaining) ?? [];

afterEach(() => stopSharing());

describe('the ring of samples', () => {
  it('keeps the newest samples up to its capacity, however many arrive', () => {
    let log = SampleLog.of([], 3);
    for (let remaining = 10; remaining > 0; remaining--) log = log.appended(sample({ remaining }));
    expect(log.length).toBe(3);
    expect(log.map((one) => one.remaining)).toEqual([3, 2, 1]);
  });

  it('leaves an earlier snapshot as it was when a later one grows', () => {
    const first = SampleLog.of([sample({ remaining: 9 })], 3);
    const second = first.appended(sample({ remaining: 8 }));
    const branch = first.appended(sample({ remaining: 7 }));
    expect(first.map((one) => one.remaining)).toEqual([9]);
    expect(second.map((one) => one.remaining)).toEqual([9, 8]);
    expect(branch.map((one) => one.remaining)).toEqual([9, 7]);
  });

  it('holds 2,000 samples a key in the store after 5,000 answers', () => {
    for (let index = 0; index < 5000; index++) store().responseObserved(FREE, sample({ remaining: index }));
    const kept = remainingOf(FREE);
    expect(kept).toHaveLength(2000);
    expect(kept[0]).toBe(3000);
    expect(kept.at(-1)).toBe(4999);
  });
});

describe('the history across reloads', () => {
  it('is written to this browser under the fingerprint, without the key, and read back', () => {
    store().responseObserved(FREE, sample({ remaining: 12, path: '/usage' }));
    store().responseObserved(FREE, sample({ remaining: 11, status: 429, code: 'RATE_LIMIT_EXCEEDED' }));
    flushSamples();
    const stored = JSON.stringify({ ...localStorage });
    expect(stored).toContain(FREE);
    expect(stored).not.toContain(DEMO_KEY.free);

    store().historyCleared();
    expect(remainingOf(FREE)).toEqual([]);
    store().historyRestored(FREE);
    expect(store().byKey[FREE]?.map((one) => [one.remaining, one.status])).toEqual([
      [12, 200],
      [11, 429],
    ]);
  });

  it('ignores stored history it cannot read', () => {
    localStorage.setItem(`rate-limit-history:${FREE}`, '{"not":"samples"}');
    store().historyRestored(FREE);
    expect(remainingOf(FREE)).toEqual([]);
  });
});

describe('sharing with the other tabs of the key', () => {
  it('posts each answer to the other tabs, and takes theirs in once', async () => {
    const otherTab = new BroadcastChannel('rate-limit-samples');
    const received: unknown[] = [];
    otherTab.onmessage = (event: MessageEvent) => received.push(event.data);
    try {
      store().responseObserved(FREE, sample({ remaining: 15 }));
      await expect.poll(() => received).toHaveLength(1);
      expect(received[0]).toMatchObject({ fingerprint: FREE, sample: { remaining: 15 } });

      const theirs = sample({ id: 'other-tab:1', remaining: 14, source: 'user' });
      otherTab.postMessage({ fingerprint: FREE, sample: theirs });
      otherTab.postMessage({ fingerprint: FREE, sample: theirs });
      await expect.poll(() => remainingOf(FREE)).toEqual([15, 14]);
      // Their sample is not posted back (no echo), and the second copy was not taken in.
      otherTab.postMessage({ fingerprint: FREE, sample: sample({ id: 'other-tab:2', remaining: 13 }) });
      await expect.poll(() => remainingOf(FREE)).toEqual([15, 14, 13]);
      expect(received).toHaveLength(1);
    } finally {
      otherTab.close();
    }
  });
});

describe('the forecast', () => {
  const burstOf = (count: number, overrides: Partial<RateLimitSample> = {}) =>
    Array.from({ length: count }, (_, index) => sample({ at: NOW - index * 500, ...overrides }));

  it('says when the minute runs out at the current rate, counting the user and the dashboard', () => {
    // 20 calls in the last 10 s = 2 a second; 20 left with 40 s to the reset: out in 10 s.
    const samples = [...burstOf(10, { source: 'user' }), ...burstOf(10)].sort((a, b) => a.at - b.at);
    const forecast = forecastRateLimit(samples, minuteWindowOf(samples), NOW);
    expect(forecast.perSecond).toBe(2);
    expect(forecast.exhaustedIn).toBe(10);
    expect(forecast.safeIn).toBe(0);
  });

  it('says nothing runs out when the rate lasts until the reset', () => {
    const samples = burstOf(2);
    expect(forecastRateLimit(samples, minuteWindowOf(samples), NOW).exhaustedIn).toBeNull();
  });

  it('says sending is safe at the reset once the minute is spent', () => {
    const samples = [sample({ remaining: 0, status: 429, retryAfter: 40 })];
    expect(forecastRateLimit(samples, minuteWindowOf(samples), NOW)).toMatchObject({ safeIn: 40, waitFor: 'minute' });
    expect(forecastRateLimit(samples, minuteWindowOf(samples), NOW + 41_000)).toMatchObject({
      safeIn: 0,
      waitFor: null,
    });
  });

  it('says to wait a second when the burst is spent and the minute is not', () => {
    const samples = [sample({ remaining: 10, burst: { limit: 5, remaining: 0 }, status: 429, retryAfter: 1 })];
    expect(forecastRateLimit(samples, minuteWindowOf(samples), NOW + 200)).toMatchObject({
      safeIn: 1,
      waitFor: 'retry-after',
    });
    expect(forecastRateLimit(samples, minuteWindowOf(samples), NOW + 1500).safeIn).toBe(0);
  });

  it('counts from the newest answer when the clock it is given reads a moment before it', () => {
    const samples = [sample({ remaining: 10, burst: { limit: 5, remaining: 0 }, status: 429, retryAfter: 1 })];
    expect(forecastRateLimit(samples, minuteWindowOf(samples), NOW - 600)).toMatchObject({
      safeIn: 1,
      waitFor: 'retry-after',
    });
    expect(forecastRateLimit(samples, minuteWindowOf(samples), NOW - 600).perSecond).toBe(0.1);
  });
});
