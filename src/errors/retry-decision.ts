import type { RetryRule } from '../../contract/error-codes';
import { HEADER } from '../../contract/headers';
import { RETRY_SCHEDULE } from '../../contract/http-statuses';
import { isApiError } from '../api/api-error';
import { retryRuleOf } from './code-facts';
import { failureFromApiError, type FailureInput } from './failure-input';

export type ResponseHeaders = Readonly<Record<string, string | undefined>>;

/** Where a retry time came from, so the guidance can say "per Retry-After" or "estimated". */
export type SafeAtBasis = 'retry-after' | 'body-retry-after' | 'rate-limit-reset' | 'default';

/** The waits of the seed's sample client between its tries: 1 s, 2 s, 4 s… */
export const BACKOFF_SECONDS = Array.from(
  { length: RETRY_SCHEDULE.maxAttempts },
  (_, attempt) => RETRY_SCHEDULE.backoffBaseSeconds ** attempt,
);

/** Never resend sooner than this, even when a reset time has already passed (clock skew), so a 429 cannot loop. */
const MIN_WAIT_MS = 1000;

/** Retry-After is whole seconds, but RFC 9110 also allows an HTTP date. */
function parseRetryAfter(value: string | undefined, now: Date): Date | null {
  if (value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? new Date(now.getTime() + seconds * 1000) : null;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : new Date(date);
}

function parseUnixSeconds(value: string | undefined): Date | null {
  const seconds = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(seconds) ? new Date(seconds * 1000) : null;
}

const after = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

/**
 * When sending again after try `attempt` (1-based) is expected to work, for the rules that wait: a rate limit
 * waits for Retry-After, else the body's retry_after, else X-RateLimit-Reset, else a whole window; a backoff
 * waits out the schedule, unless the server said when to come back. Null for the rules where waiting won't help.
 */
export function safeTime(
  rule: RetryRule,
  failure: Pick<FailureInput, 'retryAfter'>,
  headers: ResponseHeaders,
  now: Date,
  attempt = 1,
): { safeAt: Date; basis: SafeAtBasis } | null {
  const retryAfter = parseRetryAfter(headers[HEADER.retryAfter], now);
  if (rule === 'after-reset') {
    if (retryAfter) return { safeAt: retryAfter, basis: 'retry-after' };
    if (failure.retryAfter !== undefined && failure.retryAfter >= 0) {
      return { safeAt: after(now, failure.retryAfter), basis: 'body-retry-after' };
    }
    const reset = parseUnixSeconds(headers[HEADER.reset]);
    if (reset) return { safeAt: reset, basis: 'rate-limit-reset' };
    return { safeAt: after(now, RETRY_SCHEDULE.defaultResetSeconds), basis: 'default' };
  }
  if (rule === 'backoff') {
    // A server that says when to come back (Retry-After on a 503) knows better than the schedule.
    if (retryAfter) return { safeAt: retryAfter, basis: 'retry-after' };
    const seconds = BACKOFF_SECONDS[attempt - 1] ?? RETRY_SCHEDULE.backoffBaseSeconds ** (attempt - 1);
    return { safeAt: after(now, seconds), basis: 'default' };
  }
  return null;
}

export type RetryDecision =
  { kind: 'wait'; reason: 'rate-limit' | 'backoff'; retryAt: number; nextAttempt: number } | { kind: 'give-up' };

const GIVE_UP: RetryDecision = { kind: 'give-up' };

/**
 * Whether to send again by itself after try `attempt` (1-based) failed with `error`, and when: the one retry rule of
 * the dashboard (queries, job polls and the scrape run). The rule is the code's (else its status's) in the contract:
 * 'after-reset' waits for the reset, 'backoff' waits 1 s, 2 s…; 'never' and 'maybe' (offered as a fix instead) give
 * up at once, as does anything after the seed's 3 tries, and anything that is not an answer of the API.
 */
export function retryDecision(error: unknown, attempt: number, now: Date): RetryDecision {
  if (!isApiError(error) || attempt >= RETRY_SCHEDULE.maxAttempts) return GIVE_UP;
  const failure = failureFromApiError(error);
  const retry = retryRuleOf(failure);
  const time = safeTime(retry, failure, error.headers, now, attempt);
  if (!time) return GIVE_UP;
  return {
    kind: 'wait',
    reason: retry === 'after-reset' ? 'rate-limit' : 'backoff',
    retryAt: Math.max(time.safeAt.getTime(), now.getTime() + MIN_WAIT_MS),
    nextAttempt: attempt + 1,
  };
}
