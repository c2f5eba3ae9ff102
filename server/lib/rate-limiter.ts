import { PLAN_LIMITS, WINDOW_SECONDS, type Plan, type RateLimitWindow } from '../../contract/plans';

/** One window of a bucket as the next call meets it. */
export interface WindowState {
  limit: number;
  remaining: number;
  /** Unix seconds when this window resets. */
  reset: number;
}

/**
 * A bucket's two windows. X-RateLimit-* always describe the minute (as the real API's do), and the burst headers
 * (ours) the second, so a client's meter never has one number standing for two windows.
 */
export interface RateLimitState {
  minute: WindowState;
  burst: WindowState;
}

export type RateDecision =
  | { allowed: true; state: RateLimitState }
  | { allowed: false; state: RateLimitState; window: RateLimitWindow; retryAfter: number };

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
    const secondReset = bucket.secondStart + SECOND_MS;
    // The minute binds first: waiting out a second would only meet the spent minute.
    const refusedBy: RateLimitWindow | null =
      bucket.minuteCount >= perMinute ? 'minute' : bucket.secondCount >= burstPerSecond ? 'second' : null;
    if (count && !refusedBy) {
      bucket.minuteCount++;
      bucket.secondCount++;
    }
    const state: RateLimitState = {
      minute: { limit: perMinute, remaining: perMinute - bucket.minuteCount, reset: Math.ceil(minuteReset / 1000) },
      burst: {
        limit: burstPerSecond,
        remaining: Math.max(0, burstPerSecond - bucket.secondCount),
        reset: Math.ceil(secondReset / 1000),
      },
    };
    if (!refusedBy) return { allowed: true, state };
    const resetAt = refusedBy === 'minute' ? minuteReset : secondReset;
    return { allowed: false, state, window: refusedBy, retryAfter: Math.max(1, Math.ceil((resetAt - t) / 1000)) };
  }

  return {
    /** Counts a call, unless the bucket is spent. */
    take: (bucketKey: string, plan: Plan): RateDecision => decide(bucketKey, plan, true),
    /** What the next call would meet, without counting one: for answers to calls that are never counted. */
    peek: (bucketKey: string, plan: Plan): RateLimitState => decide(bucketKey, plan, false).state,
  };
}
