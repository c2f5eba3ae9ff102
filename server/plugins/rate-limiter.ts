import { PLAN_LIMITS, type Plan } from '../../contract/plans';

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Unix seconds when the window described resets. */
  reset: number;
  window: 'minute' | 'second';
}

export type RateDecision =
  { allowed: true; state: RateLimitState } | { allowed: false; state: RateLimitState; retryAfter: number };

interface Bucket {
  minuteStart: number;
  minuteCount: number;
  secondStart: number;
  secondCount: number;
}

/**
 * Fixed windows per key, each opened by the first call after the last one closed.
 * Node runs hooks on one thread, so counting here is exact under any concurrency:
 * of 100 simultaneous calls on the free key exactly 5 pass in their second.
 */
const PRUNE_ABOVE = 10_000;

export function createRateLimiter(now: () => number) {
  const buckets = new Map<string, Bucket>();

  /** Keys (and addresses) seen once must not hold memory for ever: drop buckets whose minute is over. */
  function prune(t: number) {
    for (const [key, bucket] of buckets) if (t - bucket.minuteStart >= 60_000) buckets.delete(key);
  }

  return {
    take(bucketKey: string, plan: Plan): RateDecision {
      const { perMinute, burstPerSecond } = PLAN_LIMITS[plan];
      const t = now();
      let bucket = buckets.get(bucketKey);
      if (!bucket) {
        if (buckets.size >= PRUNE_ABOVE) prune(t);
        bucket = { minuteStart: t, minuteCount: 0, secondStart: t, secondCount: 0 };
        buckets.set(bucketKey, bucket);
      }
      if (t - bucket.minuteStart >= 60_000) Object.assign(bucket, { minuteStart: t, minuteCount: 0 });
      if (t - bucket.secondStart >= 1_000) Object.assign(bucket, { secondStart: t, secondCount: 0 });

      const minuteReset = bucket.minuteStart + 60_000;
      if (bucket.minuteCount >= perMinute) {
        return refuse({ limit: perMinute, reset: minuteReset, window: 'minute' }, t);
      }
      if (bucket.secondCount >= burstPerSecond) {
        return refuse({ limit: burstPerSecond, reset: bucket.secondStart + 1_000, window: 'second' }, t);
      }
      bucket.minuteCount++;
      bucket.secondCount++;
      return {
        allowed: true,
        state: {
          limit: perMinute,
          remaining: perMinute - bucket.minuteCount,
          reset: Math.ceil(minuteReset / 1000),
          window: 'minute',
        },
      };
    },
  };
}

function refuse(window: { limit: number; reset: number; window: 'minute' | 'second' }, t: number): RateDecision {
  return {
    allowed: false,
    state: { limit: window.limit, remaining: 0, reset: Math.ceil(window.reset / 1000), window: window.window },
    retryAfter: Math.max(1, Math.ceil((window.reset - t) / 1000)),
  };
}
