import { formatDateTime } from '../../lib/format';
import { MAX_TRIES } from './retry-policy';
import type { RunState } from './use-scrape-run';

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
      return 'The scrape runs as a background job; its status is checked every second.';
    case 'waiting': {
      const why = state.reason === 'rate-limit' ? 'Rate limited' : `Server error ${state.error.status}`;
      return `${why}. Try ${state.attempt} of ${MAX_TRIES} is sent automatically at ${formatDateTime(state.retryAt)}.`;
    }
    case 'succeeded': {
      const { billing } = state.result;
      return `Scrape succeeded: the page answered HTTP ${state.result.status_code}; ${billing.total_credits} credits.`;
    }
    case 'failed':
      return `Scrape failed: ${state.failure.code}. The guidance below says what to do.`;
  }
}
