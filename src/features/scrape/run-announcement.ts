import { RETRY_SCHEDULE } from '../../../contract/http-statuses';
import { JOB_POLL_MS } from '../../api/jobs';
import type { ApiError } from '../../api/api-error';
import { entryForFailure } from '../../errors/catalog';
import { failureFromApiError } from '../../errors/failure-input';
import { credits, formatDateTime } from '../../lib/format';
import type { RunState } from './use-scrape-run';

const MAX_TRIES = RETRY_SCHEDULE.maxAttempts;

/** Why a run waits before its next try: "Server error" only when the API broke, not a slow target (TIMEOUT). */
export function waitCause(error: ApiError): string {
  const { entry } = entryForFailure(failureFromApiError(error));
  return entry.category === 'server' ? 'Server error' : entry.title;
}

/**
 * What the panel's one live region says for each phase. It stays mounted across phases, so every change is
 * announced; the ticking countdown and the job's steps are shown, not read out each second.
 */
export function runAnnouncement(state: RunState): string {
  switch (state.phase) {
    case 'idle':
      return '';
    case 'running':
      return `Scraping, try ${state.attempt} of ${MAX_TRIES}.`;
    case 'job':
      return `The scrape runs as a background job; its status is checked every ${JOB_POLL_MS / 1000} seconds.`;
    case 'waiting': {
      const why = state.reason === 'rate-limit' ? 'Rate limited' : `${waitCause(state.error)} (${state.error.status})`;
      return `${why}. Try ${state.attempt} of ${MAX_TRIES} is sent automatically at ${formatDateTime(state.retryAt)}.`;
    }
    case 'succeeded': {
      const { billing } = state.result;
      return `Scrape succeeded: the page answered HTTP ${state.result.status_code}; ${credits(billing.total_credits)}.`;
    }
    case 'failed':
      return `Scrape failed: ${state.advice.failure.code}. The guidance below says what to do.`;
    case 'cut-off':
      return 'The last run was cut off when the page was left; its answer was not received.';
  }
}
