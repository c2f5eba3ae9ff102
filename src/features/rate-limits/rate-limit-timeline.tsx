import type { RateLimitSample } from '../../api/rate-limit-store';
import { formatSeconds } from '../../lib/format';
import { useElementWidth } from '../../lib/use-element-width';

/** The longest span the timeline draws, back from now; it draws less when the history is shorter. */
const TIMELINE_SECONDS = 300;
/** The shortest: a burst of a few seconds still spreads over the width. */
const MIN_SPAN_SECONDS = 60;
/** Rows of the table equivalent: the latest calls, newest first. */
const TABLE_ROWS = 50;

/**
 * The drawing is as wide as its box, in the page's own pixels: scaled down from a fixed width, a phone's 390 px made
 * its labels 6 px high. The fixed width is for before the box is measured.
 */
const WIDTH = 640;
const HEIGHT = 160;
const PAD = { left: 36, right: 8, top: 12, bottom: 20 };
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const whoLabel = (sample: RateLimitSample) => (sample.source === 'user' ? 'You' : 'Dashboard');

/** Where the minute window changed between two samples: a reset (or the first window seen). */
function resetsOf(samples: readonly RateLimitSample[]): RateLimitSample[] {
  return samples.filter((sample, index) => index > 0 && sample.reset !== samples[index - 1]?.reset);
}

/**
 * Remaining over time for the last few minutes: your calls as filled circles, the dashboard's as hollow squares,
 * refusals (429) as crosses labelled "429", resets as dashed lines labelled "reset", and below it the same calls
 * as a table. Shapes and words carry the meaning; colour only repeats it.
 */
export function RateLimitTimeline({ samples, now }: { samples: readonly RateLimitSample[]; now: number }) {
  const [box, measured] = useElementWidth<HTMLDivElement>();
  const width = measured || WIDTH;
  const shown = samples.filter((sample) => sample.at >= now - TIMELINE_SECONDS * 1000);
  const oldest = shown[0]?.at ?? now;
  const spanSeconds = Math.min(TIMELINE_SECONDS, Math.max(MIN_SPAN_SECONDS, Math.ceil((now - oldest) / 1000) + 5));
  const from = now - spanSeconds * 1000;
  const limit = Math.max(1, ...shown.map((sample) => sample.limit));
  const x = (at: number) => PAD.left + ((at - from) / (spanSeconds * 1000)) * (width - PAD.left - PAD.right);
  const y = (remaining: number) => PAD.top + (1 - Math.max(0, remaining) / limit) * (HEIGHT - PAD.top - PAD.bottom);
  const refused = shown.filter((sample) => sample.status === 429);
  const resets = resetsOf(shown);
  const summary =
    `Requests left over the last ${formatSeconds(spanSeconds)}: ${shown.length} calls ` +
    `(${shown.filter((sample) => sample.source === 'user').length} yours), ${refused.length} refused with 429, ` +
    `${resets.length} ${resets.length === 1 ? 'reset' : 'resets'}. The table below lists them.`;

  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-700">
        Legend: ● your calls · □ the dashboard’s calls · ✕ 429 refused · dashed line: the minute reset
      </p>
      <div ref={box} className="max-w-3xl">
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={summary}
          className="h-auto w-full rounded border border-slate-200 bg-white"
          data-testid="rate-limit-timeline"
        >
          <line x1={PAD.left} x2={width - PAD.right} y1={y(0)} y2={y(0)} className="stroke-slate-400" />
          <text x={4} y={y(limit) + 4} fontSize="10" className="fill-slate-700">
            {limit}
          </text>
          <text x={4} y={y(0) + 4} fontSize="10" className="fill-slate-700">
            0
          </text>
          <text x={PAD.left} y={HEIGHT - 4} fontSize="10" className="fill-slate-700">
            −{formatSeconds(spanSeconds)}
          </text>
          <text x={width - PAD.right} y={HEIGHT - 4} fontSize="10" className="fill-slate-700" textAnchor="end">
            now
          </text>
          {resets.map((sample) => (
            <g key={`reset-${sample.id ?? sample.at}`} data-testid="marker-reset">
              <line
                x1={x(sample.at)}
                x2={x(sample.at)}
                y1={PAD.top}
                y2={y(0)}
                strokeDasharray="4 3"
                className="stroke-sky-700"
              />
              <text x={x(sample.at) + 2} y={PAD.top + 8} fontSize="9" className="fill-sky-700">
                reset
              </text>
            </g>
          ))}
          {shown.map((sample, index) => {
            const cx = x(sample.at);
            const cy = y(sample.remaining);
            const key = sample.id ?? `${sample.at}-${index}`;
            if (sample.status === 429) {
              return (
                <g key={key} data-testid="marker-429" className="stroke-red-700" strokeWidth="2">
                  <line x1={cx - 4} x2={cx + 4} y1={cy - 4} y2={cy + 4} />
                  <line x1={cx - 4} x2={cx + 4} y1={cy + 4} y2={cy - 4} />
                  <text x={cx} y={cy - 7} fontSize="9" className="fill-red-700 stroke-none" textAnchor="middle">
                    429
                  </text>
                </g>
              );
            }
            return sample.source === 'user' ? (
              <circle key={key} cx={cx} cy={cy} r="3.5" className="fill-slate-900" data-testid="marker-user" />
            ) : (
              <rect
                key={key}
                x={cx - 3}
                y={cy - 3}
                width="6"
                height="6"
                className="fill-white stroke-slate-600"
                data-testid="marker-dashboard"
              />
            );
          })}
        </svg>
      </div>
      <details>
        <summary className="cursor-pointer text-sm font-medium">The same calls as a table</summary>
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Calls as a table">
          <table className="w-full text-left text-sm" data-testid="timeline-table">
            <caption className="sr-only">Latest calls with the key, newest first</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3">
                  Time
                </th>
                <th scope="col" className="py-1 pr-3">
                  By
                </th>
                <th scope="col" className="py-1 pr-3">
                  Call
                </th>
                <th scope="col" className="py-1 pr-3">
                  Answer
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Left this minute
                </th>
              </tr>
            </thead>
            <tbody>
              {samples
                .slice(-TABLE_ROWS)
                .reverse()
                .map((sample, index) => (
                  <tr key={sample.id ?? `${sample.at}-${index}`} className="border-b border-slate-100">
                    <td className="py-1 pr-3 tabular-nums">{time.format(sample.at)}</td>
                    <td className="py-1 pr-3">{whoLabel(sample)}</td>
                    <td className="py-1 pr-3 font-mono text-xs">
                      {sample.method} {sample.path}
                    </td>
                    <td className="py-1 pr-3">
                      {sample.status}
                      {sample.code && ` ${sample.code}`}
                    </td>
                    <td className="py-1 pr-3 text-right tabular-nums">
                      {Math.max(0, sample.remaining)} / {sample.limit}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
