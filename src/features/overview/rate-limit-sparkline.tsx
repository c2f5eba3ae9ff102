import { Link } from '@tanstack/react-router';
import { minuteWindowOf, useConnectedHistory } from '../../api/rate-limit-store';
import { Panel } from '../../components/panel';
import { useNow } from '../../lib/use-now';

/** Samples the sparkline draws: the latest, enough to show a burst and its recovery. */
const POINTS = 60;
const WIDTH = 240;
const HEIGHT = 40;

/**
 * The key's requests left over its latest calls, from the one rate-limit store (what the header meter shows), with
 * the 429s counted in words, linking to /rate-limits for the whole story.
 */
export function RateLimitSparkline() {
  const samples = useConnectedHistory().slice(-POINTS);
  const window = minuteWindowOf(samples);
  // The overview can stay open long after its last call: once that minute is over, its count is history, as the
  // header meter says too ("Was:").
  const now = useNow(window !== null);
  const over = window !== null && now >= window.reset * 1000;
  const refused = samples.filter((sample) => sample.status === 429).length;
  const limit = Math.max(1, ...samples.map((sample) => sample.limit));
  const step = samples.length > 1 ? WIDTH / (samples.length - 1) : 0;
  const points = samples
    .map(
      (sample, index) =>
        `${(index * step).toFixed(1)},${(HEIGHT - (Math.max(0, sample.remaining) / limit) * HEIGHT).toFixed(1)}`,
    )
    .join(' ');
  return (
    <Panel
      title="Rate limits"
      actions={
        <Link to="/rate-limits" className="text-sm text-sky-800 underline">
          Open rate limits
        </Link>
      }
    >
      {window ? (
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            className="h-10 w-60"
            role="img"
            aria-label={`Requests left over the last ${samples.length} calls, ${over ? 'last seen' : 'now'} ${Math.max(0, window.remaining)} of ${window.limit}`}
          >
            <polyline points={points} fill="none" stroke="#0369a1" strokeWidth="2" />
          </svg>
          <p data-testid="overview-rate-limit">
            {over
              ? `Was ${Math.max(0, window.remaining)} / ${window.limit} left; that minute is over, the next call starts a new one`
              : `${Math.max(0, window.remaining)} / ${window.limit} left this minute`}{' '}
            · {refused} refused (429) in the last {samples.length} calls
          </p>
        </div>
      ) : (
        <p className="text-sm text-slate-700">No answer with rate-limit headers yet.</p>
      )}
    </Panel>
  );
}
