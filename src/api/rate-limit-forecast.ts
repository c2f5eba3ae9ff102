import type { MinuteWindow } from './rate-limit-store';
import type { RateLimitSample } from './rate-limit-history';

/** The recent past the rate is measured over: long enough to smooth a burst, short enough to follow a change. */
const FORECAST_WINDOW_SECONDS = 10;

export interface RateLimitForecast {
  /** Calls a second over the last FORECAST_WINDOW_SECONDS, by the user and the dashboard together. */
  perSecond: number;
  /** Seconds until the minute's calls run out at that rate; null when they last until the reset. */
  exhaustedIn: number | null;
  /** Seconds until a call will not be refused: 0 now. */
  safeIn: number;
  /** Why sending is not safe yet, or null when it is. */
  waitFor: 'minute' | 'burst' | 'retry-after' | null;
}

/**
 * At the current rate, when the minute's calls run out before its reset, and when sending is safe. Pure: the
 * samples, the window the meter shows and the time (ms) are all it reads. Refused calls count in the rate (they
 * are what the user is sending) but spend nothing of the window.
 */
export function forecastRateLimit(
  samples: readonly RateLimitSample[],
  window: MinuteWindow | null,
  clock: number,
): RateLimitForecast {
  // A clock that ticks once a second may read a moment before the newest answer: that answer has happened, so time
  // is counted from it at least (a Retry-After of 1 s is never shown as 2).
  const now = Math.max(clock, samples.at(-1)?.at ?? clock, window?.latest.at ?? clock);
  const since = now - FORECAST_WINDOW_SECONDS * 1000;
  let recent = 0;
  for (let index = samples.length - 1; index >= 0; index--) {
    const sample = samples[index];
    if (!sample || sample.at < since) break;
    if (sample.at <= now) recent++;
  }
  const perSecond = recent / FORECAST_WINDOW_SECONDS;
  if (!window) return { perSecond, exhaustedIn: null, safeIn: 0, waitFor: null };

  const resetsIn = Math.max(0, window.reset - now / 1000);
  if (resetsIn === 0) return { perSecond, exhaustedIn: null, safeIn: 0, waitFor: null };
  const remaining = Math.max(0, window.remaining);
  const toEmpty = perSecond > 0 ? remaining / perSecond : Infinity;
  const exhaustedIn = toEmpty < resetsIn ? Math.ceil(toEmpty) : null;

  const latest = window.latest;
  const sinceLatest = (now - latest.at) / 1000;
  if (remaining === 0) return { perSecond, exhaustedIn: 0, safeIn: Math.ceil(resetsIn), waitFor: 'minute' };
  if (latest.status === 429 && latest.retryAfter !== null && sinceLatest < latest.retryAfter) {
    return { perSecond, exhaustedIn, safeIn: Math.ceil(latest.retryAfter - sinceLatest), waitFor: 'retry-after' };
  }
  if (latest.burst && latest.burst.remaining <= 0 && sinceLatest < 1) {
    return { perSecond, exhaustedIn, safeIn: 1, waitFor: 'burst' };
  }
  return { perSecond, exhaustedIn, safeIn: 0, waitFor: null };
}
