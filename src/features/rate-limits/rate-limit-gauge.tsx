import type { Plan } from '../../../contract/plans';
import type { RateLimitForecast } from '../../api/rate-limit-forecast';
import { LOW_BUDGET_SHARE, type MinuteWindow } from '../../api/rate-limit-store';
import { formatSeconds } from '../../lib/format';
import { describeRateLimit } from './describe-rate-limit';

const SAFE_REASON = {
  minute: 'when the minute resets',
  burst: 'when this second’s burst is over',
  'retry-after': 'as the last refusal’s Retry-After says',
} as const;

/** The forecast as one sentence a person can act on. */
function describeForecast(forecast: RateLimitForecast): string {
  const rate = `${forecast.perSecond.toFixed(1)} calls a second`;
  const outlook =
    forecast.exhaustedIn === null
      ? `At the current rate (${rate}) the minute lasts until its reset.`
      : forecast.exhaustedIn === 0
        ? `The minute’s calls are spent (current rate ${rate}).`
        : `At the current rate (${rate}) the limit is reached in ~${formatSeconds(forecast.exhaustedIn)}.`;
  const safe =
    forecast.waitFor === null
      ? 'Sending is safe now.'
      : `Sending is safe in ${formatSeconds(forecast.safeIn)}, ${SAFE_REASON[forecast.waitFor]}.`;
  return `${outlook} ${safe}`;
}

/** Remaining / limit of the minute, its countdown, the burst, and the forecast: the words carry the state. */
export function RateLimitGauge({
  window,
  plan,
  now,
  forecast,
}: {
  window: MinuteWindow | null;
  plan: Plan | null;
  now: number;
  forecast: RateLimitForecast;
}) {
  if (!window) {
    return <p className="text-sm text-slate-700">No answer with rate-limit headers yet: send a burst to see one.</p>;
  }
  const view = describeRateLimit(window, plan, now);
  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <meter
          min={0}
          max={view.limit}
          value={view.remaining}
          low={Math.floor(view.limit * LOW_BUDGET_SHARE)}
          high={Math.ceil(view.limit * 0.5)}
          optimum={view.limit}
          aria-label="Requests left this minute"
          className="h-4 w-48"
        />
        <p className="text-lg font-semibold" data-testid="gauge-remaining">
          {view.stateLabel} {view.remaining} / {view.limit} left this minute
        </p>
      </div>
      <p>
        {view.resetsIn > 0 ? 'Resets in ' : 'Window over: the next call starts a new minute. Reset countdown: '}
        <span className="font-semibold tabular-nums" data-testid="reset-countdown">
          {formatSeconds(view.resetsIn)}
        </span>
        {view.burst && (
          <>
            {' · '}burst{' '}
            <span data-testid="gauge-burst">
              {view.burst.remaining} / {view.burst.limit}
            </span>{' '}
            left this second
          </>
        )}
        {view.planLabel && <> · {view.planLabel}</>}
      </p>
      <p data-testid="rate-limit-forecast">{describeForecast(forecast)}</p>
    </div>
  );
}
