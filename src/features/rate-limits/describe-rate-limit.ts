import type { RateLimitWindow } from '../../../contract/plans';
import type { RateLimitSample } from '../../api/rate-limit-store';

export interface RateLimitView {
  limit: number;
  remaining: number;
  window: RateLimitWindow;
  /** Seconds until the window resets; 0 once it has (the counts shown are then out of date). */
  resetsIn: number;
  state: 'ok' | 'low' | 'exhausted' | 'reset';
  stateLabel: string;
  sourceLabel: string;
}

/** What the meter says about one sample at `now`: the words carry the state, not the colour. */
export function describeRateLimit(sample: RateLimitSample, now: number): RateLimitView {
  const resetsIn = Math.max(0, sample.reset - Math.floor(now / 1000));
  const exhausted = sample.remaining <= 0 || sample.status === 429;
  let state: RateLimitView['state'];
  if (resetsIn === 0) state = 'reset';
  else if (exhausted) state = 'exhausted';
  else if (sample.remaining <= Math.ceil(sample.limit * 0.2)) state = 'low';
  else state = 'ok';
  const stateLabel = { ok: 'OK:', low: 'Low:', exhausted: 'Exhausted:', reset: 'Window reset; last seen' }[state];
  return {
    limit: sample.limit,
    remaining: Math.max(0, sample.remaining),
    window: sample.window,
    resetsIn,
    state,
    stateLabel,
    sourceLabel: sample.source === 'user' ? 'you' : 'the dashboard',
  };
}
