import { useState } from 'react';
import { formatDateTime, formatSeconds } from '../../lib/format';
import { secondsLeft } from '../../lib/seconds-left';
import { useNow } from '../../lib/use-now';
import type { RateLimitPause } from './use-rate-limit-pause';

/**
 * The overview while the rate limit holds it up: one notice for the whole page, counting down to the reset. A
 * refusal of the second's burst says so, rather than call a minute with calls left "used up".
 * The page loads again by itself then; "Try again" before the reset waits for it rather than spend another call.
 */
export function RateLimitNotice({ pause, onRetry }: { pause: RateLimitPause; onRetry: () => void }) {
  const now = useNow(true);
  const [asked, setAsked] = useState(false);
  const left = secondsLeft(pause.retryAt, now);
  return (
    <section
      aria-labelledby="rate-limit-notice-heading"
      data-testid="rate-limit-notice"
      className="space-y-2 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="rate-limit-notice-heading" className="text-base font-semibold">
        {pause.window === 'second'
          ? `Too many calls with this key in one second (${pause.code})`
          : `The rate limit of this key is used up (${pause.code})`}
      </h2>
      <p>
        {pause.window === 'second'
          ? 'The API refused some of the overview’s calls: more were sent in one second than the key’s burst allows, ' +
            'though the minute has calls left.'
          : `The API refused the overview’s calls until its limit resets at ${formatDateTime(pause.retryAt)}.`}{' '}
        The overview loads again by itself{pause.window === 'second' ? '' : ' then'}
        {left > 0 ? ` (in ${formatSeconds(left)})` : ''}; sending sooner would only be refused again.
      </p>
      <button
        type="button"
        className="rounded-md border border-amber-700 bg-white px-3 py-1.5 font-medium"
        aria-disabled={asked || undefined}
        onClick={() => (left > 0 ? setAsked(true) : onRetry())}
      >
        {asked ? `Trying again at the reset${left > 0 ? `, in ${formatSeconds(left)}` : '…'}` : 'Try again'}
      </button>
    </section>
  );
}
