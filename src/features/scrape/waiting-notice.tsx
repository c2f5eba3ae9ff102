import { RETRY_SCHEDULE } from '../../../contract/http-statuses';
import { formatDateTime, formatSeconds } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { waitCause } from './run-announcement';
import type { RunState } from './use-scrape-run';

const MAX_TRIES = RETRY_SCHEDULE.maxAttempts;
const COUNTDOWN_STEP_MS = 250;

type Waiting = Extract<RunState, { phase: 'waiting' }>;

/**
 * A retry the run will send by itself. The countdown ticks visibly but is not a live region (a reader announcing
 * every second is noise); the panel's status region says once, in words, what will happen and when.
 */
export function WaitingNotice({ state }: { state: Waiting }) {
  // The seconds left, rounded up as a countdown reads them, on a quarter-second clock: a number is never more than
  // is left and goes at most a quarter second early. (Whole seconds of the clock, rounded, could read "3 s" for a
  // 2-second wait.)
  const now = useNow(true, COUNTDOWN_STEP_MS);
  const left = formatSeconds(Math.max(0, Math.ceil((state.retryAt - now - COUNTDOWN_STEP_MS) / 1000)));
  const { error } = state;
  const headline =
    state.reason === 'rate-limit'
      ? `Rate limited: retrying in ${left}`
      : `${waitCause(error)}: try ${state.attempt} of ${MAX_TRIES} in ${left}`;
  const why = error.status === 0 ? error.code : `HTTP ${error.status} ${error.code}`;
  return (
    <div className="space-y-1">
      <p className="text-base font-semibold" data-testid="retry-countdown">
        {headline}
      </p>
      <p className="text-slate-700">
        {why}. Try {state.attempt} of {MAX_TRIES} is sent automatically at {formatDateTime(state.retryAt)}
        {state.reason === 'rate-limit' ? ', when the rate limit resets.' : ' (exponential back-off).'}
      </p>
    </div>
  );
}
