import { useLatestRateLimit } from '../../api/rate-limit-store';
import { formatSeconds } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { describeRateLimit } from './describe-rate-limit';

/**
 * The live meter in the header: the `X-RateLimit-*` headers of the latest
 * response, in words and as a bar (never colour alone), with the reset countdown.
 */
export function RateLimitMeter() {
  const latest = useLatestRateLimit();
  const now = useNow(latest !== null);
  if (!latest) {
    return (
      <p className="text-sm text-slate-600" aria-label="Rate limit">
        Rate limit: no calls yet
      </p>
    );
  }
  const view = describeRateLimit(latest, now);
  return (
    <section aria-label="Rate limit" className="flex items-center gap-3 text-sm">
      <meter
        min={0}
        max={view.limit}
        value={view.remaining}
        low={Math.ceil(view.limit * 0.2)}
        high={Math.ceil(view.limit * 0.5)}
        optimum={view.limit}
        aria-label={`Requests left this ${view.window}`}
        className="h-3 w-28"
      />
      <p>
        <span className="font-semibold">{view.stateLabel}</span>{' '}
        <span data-testid="rate-limit-remaining">
          {view.remaining} / {view.limit}
        </span>{' '}
        left this {view.window}
        {view.resetsIn > 0 && <>, resets in {formatSeconds(view.resetsIn)}</>}
        <span className="sr-only">. Last call by {view.sourceLabel}.</span>
      </p>
    </section>
  );
}
