import { PLAN_LIMITS, WINDOW_SECONDS, type Plan, type RateLimitWindow } from '../../contract/plans';

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Unix seconds when the window described resets. */
  reset: number;
  window: RateLimitWindow;
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
const MINUTE_MS = WINDOW_SECONDS.minute * 1000;
const SECOND_MS = WINDOW_SECONDS.second * 1000;

export function createRateLimiter(now: () => number) {
  const buckets = new Map<string, Bucket>();

  /** Keys (and addresses) seen once must not hold memory for ever: drop buckets whose minute is over. */
  function prune(t: number) {
    for (const [key, bucket] of buckets) if (t - bucket.minuteStart >= MINUTE_MS) buckets.delete(key);
  }

  /** The bucket as it stands at `t`, its windows reopened when they are over; a peek opens no window. */
  function bucketAt(bucketKey: string, t: number, count: boolean): Bucket {
    let bucket = buckets.get(bucketKey);
    if (!bucket) {
      bucket = { minuteStart: t, minuteCount: 0, secondStart: t, secondCount: 0 };
      if (!count) return bucket;
      if (buckets.size >= PRUNE_ABOVE) prune(t);
      buckets.set(bucketKey, bucket);
    }
    if (t - bucket.minuteStart >= MINUTE_MS) Object.assign(bucket, { minuteStart: t, minuteCount: 0 });
    if (t - bucket.secondStart >= SECOND_MS) Object.assign(bucket, { secondStart: t, secondCount: 0 });
    return bucket;
  }

  function decide(bucketKey: string, plan: Plan, count: boolean): RateDecision {
    const { perMinute, burstPerSecond } = PLAN_LIMITS[plan];
    const t = now();
    const bucket = bucketAt(bucketKey, t, count);
    const minuteReset = bucket.minuteStart + MINUTE_MS;
    if (bucket.minuteCount >= perMinute) {
      return refuse({ limit: perMinute, reset: minuteReset, window: 'minute' }, t);
    }
    if (bucket.secondCount >= burstPerSecond) {
      return refuse({ limit: burstPerSecond, reset: bucket.secondStart + SECOND_MS, window: 'second' }, t);
    }
    if (count) {
      bucket.minuteCount++;
      bucket.secondCount++;
    }
    return {
      allowed: true,
      state: {
        limit: perMinute,
        remaining: perMinute - bucket.minuteCount,
        reset: Math.ceil(minuteReset / 1000),
        window: 'minute',
      },
    };
  }

  return {
    /** Counts a call, unless the bucket is spent. */
    take: (bucketKey: string, plan: Plan): RateDecision => decide(bucketKey, plan, true),
    /** What the next call would meet, without counting one: for answers to calls that are never counted. */
    peek: (bucketKey: string, plan: Plan): RateLimitState => decide(bucketKey, plan, false).state,
  };
}

function refuse(window: { limit: number; reset: number; window: RateLimitWindow }, t: number): RateDecision {
  return {
    allowed: false,
    state: { limit: window.limit, remaining: 0, reset: Math.ceil(window.reset / 1000), window: window.window },
    retryAfter: Math.max(1, Math.ceil((window.reset - t) / 1000)),
  };
}
