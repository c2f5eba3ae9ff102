import { PLAN_LIMITS, type Plan } from '../../../contract/plans';
import { LOW_BUDGET_SHARE, type MinuteWindow } from '../../api/rate-limit-store';
import { secondsLeft } from '../../lib/seconds-left';

export interface RateLimitView {
  limit: number;
  remaining: number;
  burst: { limit: number; remaining: number } | null;
  /** Seconds until the minute resets; 0 once it has (the counts shown are then out of date). */
  resetsIn: number;
  state: 'ok' | 'low' | 'burst' | 'exhausted' | 'reset';
  stateLabel: string;
  /** "Free plan", or null when neither GET /usage nor the limits tell. */
  planLabel: string | null;
  dashboardCalls: number;
  used: number;
  sourceLabel: string;
}

/** What the meter says about a key's minute window at `now`: the words carry the state, not the colour. */
export function describeRateLimit(window: MinuteWindow, plan: Plan | null, now: number): RateLimitView {
  const resetsIn = secondsLeft(window.reset * 1000, now);
  // The burst figure is of the second the latest answer came in (a refusal's wait is its Retry-After): once that
  // is over, the burst is whole again and "wait" would be old news.
  const burstWaitMs = (window.latest.status === 429 ? (window.latest.retryAfter ?? 1) : 1) * 1000;
  const burstCurrent = now - window.latest.at < burstWaitMs;
  // A 429 of the second's burst leaves the minute with room: that is a pause of a second, not an empty minute.
  const burstRefusal = window.latest.status === 429 && window.remaining > 0 && window.burst?.remaining === 0;
  const burstSpent = burstRefusal && burstCurrent;
  const exhausted = window.remaining <= 0 || (window.latest.status === 429 && !burstRefusal);
  let state: RateLimitView['state'];
  if (resetsIn === 0) state = 'reset';
  else if (exhausted) state = 'exhausted';
  else if (burstSpent) state = 'burst';
  else if (window.remaining <= Math.floor(window.limit * LOW_BUDGET_SHARE)) state = 'low';
  else state = 'ok';
  const stateLabel = { ok: 'OK:', low: 'Low:', burst: 'Wait 1 s:', exhausted: 'Exhausted:', reset: 'Was:' }[state];
  return {
    limit: window.limit,
    remaining: Math.max(0, window.remaining),
    burst: window.burst && {
      limit: window.burst.limit,
      remaining: burstCurrent ? Math.max(0, window.burst.remaining) : window.burst.limit,
    },
    resetsIn,
    state,
    stateLabel,
    planLabel: plan ? `${PLAN_LIMITS[plan].label} plan` : null,
    dashboardCalls: window.dashboardCalls,
    used: window.used,
    sourceLabel: window.latest.source === 'user' ? 'you' : 'the dashboard',
  };
}
