import { LOW_BUDGET_SHARE } from '../../../api/rate-limit-store';
import { formatNumber, formatPercent } from '../../../lib/format';
import { BUTTON_CLASS } from './export-buttons';
import { TAIL_EVERY_MS } from './use-log-rows';

export type TailState = 'live' | 'paused' | 'budget-low' | 'ended';

/** Why the tail is or is not reading, in words, and the one button that starts or stops it. */
export function LiveTail({ state, arrived, onToggle }: { state: TailState; arrived: number; onToggle: () => void }) {
  const text = {
    live: `Live: new requests appear at the top, read every ${TAIL_EVERY_MS / 1000} s.`,
    paused: 'Live tail paused.',
    'budget-low': `Live tail paused by itself: under ${formatPercent(LOW_BUDGET_SHARE)} of this minute’s calls are left for the key. It resumes after the reset.`,
    ended: 'No live tail: the filters end at a set time.',
  }[state];
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      {state !== 'ended' && (
        <button type="button" onClick={onToggle} disabled={state === 'budget-low'} className={BUTTON_CLASS}>
          {state === 'live' ? 'Pause' : 'Resume live tail'}
        </button>
      )}
      <p role="status" className="text-slate-700">
        {text}
        {arrived > 0 && ` ${formatNumber(arrived)} new ${arrived === 1 ? 'request' : 'requests'} since the log opened.`}
      </p>
    </div>
  );
}
