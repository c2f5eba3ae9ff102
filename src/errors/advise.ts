import type { RefundPolicy, RetryRule } from '../../contract/error-codes';
import { RETRY_SCHEDULE } from '../../contract/http-statuses';
import { isApiError } from '../api/api-error';
import { entryForFailure, type CatalogEntry, type EntryMatch } from './catalog';
import { failureFromThrown, UNKNOWN_CODE, type FailureInput } from './failure-input';
import { BACKOFF_SECONDS, safeTime, type ResponseHeaders, type SafeAtBasis } from './retry-decision';

export interface RetryAdvice {
  rule: RetryRule;
  /** When sending again is expected to work; null when waiting will not help. */
  safeAt: Date | null;
  waitSeconds: number | null;
  basis: SafeAtBasis | null;
  /** Whether the dashboard may resend on its own; 'maybe' is offered as a fix instead. */
  automatic: boolean;
  maxAttempts: number;
  backoffSeconds: number[];
}

export interface RefundAdvice {
  policy: RefundPolicy;
  /** What the seed's policy expects; null when it cannot say (nothing charged, or the status is ambiguous). */
  expectedRefund: boolean | null;
  /** What the response's `billing.refunded` says; null when the response carried no billing. */
  reportedRefund: boolean | null;
  refundedCredits: number | null;
  mismatch: boolean;
}

export interface Advice {
  failure: FailureInput;
  entry: CatalogEntry;
  match: EntryMatch;
  headline: string;
  retry: RetryAdvice;
  refund: RefundAdvice;
}

function retryAdvice(rule: RetryRule, failure: FailureInput, headers: ResponseHeaders, now: Date): RetryAdvice {
  const time = safeTime(rule, failure, headers, now);
  const automatic = time !== null;
  return {
    rule,
    safeAt: time?.safeAt ?? null,
    waitSeconds: time ? Math.max(0, Math.ceil((time.safeAt.getTime() - now.getTime()) / 1000)) : null,
    basis: time?.basis ?? null,
    automatic,
    maxAttempts: automatic ? RETRY_SCHEDULE.maxAttempts : 0,
    backoffSeconds: rule === 'backoff' ? [...BACKOFF_SECONDS] : [],
  };
}

function expectedRefund(policy: RefundPolicy): boolean | null {
  if (policy === 'refunded') return true;
  if (policy === 'not-refunded' || policy === 'not-charged') return false;
  return null;
}

function refundAdvice(policy: RefundPolicy, failure: FailureInput): RefundAdvice {
  const expected = expectedRefund(policy);
  const reported = failure.billing?.refunded ?? null;
  return {
    policy,
    expectedRefund: expected,
    reportedRefund: reported,
    refundedCredits: failure.billing?.refunded_credits ?? null,
    mismatch: expected !== null && reported !== null && expected !== reported,
  };
}

function headline(entry: CatalogEntry, match: EntryMatch, failure: FailureInput): string {
  const status = failure.status === 0 ? 'no response' : String(failure.status);
  const base = `${entry.title} (${status})`;
  const code = failure.code.trim();
  const namesCode = code !== '' && code !== String(failure.status) && code !== UNKNOWN_CODE;
  return match !== 'code' && namesCode ? `${code}: ${base}` : base;
}

/**
 * What one failure means and what to do next: the catalog entry (by code and status, else by status, else a
 * generic one from the status class), when a retry is safe, and whether the refund matches the seed's policy.
 * Header names are lower case; `now` is passed in so the result is a pure function of its inputs.
 */
export function advise(failure: FailureInput, headers: ResponseHeaders, now: Date): Advice {
  const { entry, match } = entryForFailure(failure);
  return {
    failure,
    entry,
    match,
    headline: headline(entry, match, failure),
    retry: retryAdvice(entry.retry, failure, headers, now),
    refund: refundAdvice(entry.refund, failure),
  };
}

/** The advice for anything a call to the API threw. */
export function adviseThrown(error: unknown, now: Date): Advice {
  return advise(failureFromThrown(error), isApiError(error) ? error.headers : {}, now);
}
