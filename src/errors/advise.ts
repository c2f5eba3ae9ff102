import { HEADER } from '../../contract/headers';
import { findEntry, statusEntry } from './catalog';
import type { CatalogEntry, RefundPolicy, RetryRule } from './catalog';
import { UNKNOWN_CODE } from './failure-input';
import type { FailureInput } from './failure-input';

export { failureFromApiError, parseFailureBody, UNKNOWN_CODE } from './failure-input';
export type { FailureInput } from './failure-input';

/** Where `safeAt` came from, so the card can say "per Retry-After" or "estimated". */
export type SafeAtBasis = 'retry-after' | 'body-retry-after' | 'rate-limit-reset' | 'default';

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
  entry: CatalogEntry;
  /** 'code': the catalog knows the code; 'status': only its status is known; 'unknown': neither. */
  match: 'code' | 'status' | 'unknown';
  headline: string;
  retry: RetryAdvice;
  refund: RefundAdvice;
}

/** The seed's sample client: 3 attempts, waiting 2^attempt seconds. */
const MAX_ATTEMPTS = 3;
const BACKOFF_SECONDS = Array.from({ length: MAX_ATTEMPTS }, (_, attempt) => 2 ** attempt);
/** With no timing header at all, wait out the per-minute window (the seed's sample waits at least 60 s). */
const DEFAULT_RESET_SECONDS = 60;

/**
 * Guidance for a code the catalog does not know, from its status class: the seed retries and refunds 5xx,
 * never retries other 4xx, and nothing can be said about the refund of an unknown 4xx.
 */
function unknownEntry(status: number): CatalogEntry {
  const server = status >= 500 && status <= 599;
  const client = status >= 400 && status <= 499;
  return {
    kind: 'status',
    code: String(status),
    status,
    statusText: status === 0 ? 'No status' : `HTTP ${status}`,
    category: server ? 'server' : 'request',
    title: server ? 'Unrecognised server error' : client ? 'Unrecognised request error' : 'Unrecognised error',
    whatHappened: server
      ? 'The API reported a server-side failure with a code this dashboard does not know.'
      : 'The API reported a failure with a code this dashboard does not know.',
    refund: server ? 'refunded' : 'not-applicable',
    retry: server ? 'backoff' : client ? 'never' : 'maybe',
    whatToChange: server
      ? 'Retry with backoff; if it keeps failing, contact support with the request id.'
      : 'Read the message and details, check the request, and contact support with the request id if it is unclear.',
    fixes: [],
    source: 'seed',
  };
}

function resolveEntry(failure: FailureInput): Pick<Advice, 'entry' | 'match'> {
  const byCode = findEntry(failure.code, failure.status);
  // A status-kind entry found by code means the "code" was just a status number, e.g. '503'.
  if (byCode?.kind === 'code') return { entry: byCode, match: 'code' };
  const byStatus = statusEntry(failure.status);
  if (byStatus) return { entry: byStatus, match: 'status' };
  return { entry: unknownEntry(failure.status), match: 'unknown' };
}

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

function resetTime(
  failure: FailureInput,
  headers: Readonly<Record<string, string | undefined>>,
  now: Date,
): { safeAt: Date; basis: SafeAtBasis } {
  const header = parseRetryAfter(headers[HEADER.retryAfter], now);
  if (header) return { safeAt: header, basis: 'retry-after' };
  if (failure.retryAfter !== undefined && failure.retryAfter >= 0) {
    return { safeAt: new Date(now.getTime() + failure.retryAfter * 1000), basis: 'body-retry-after' };
  }
  const reset = parseUnixSeconds(headers[HEADER.reset]);
  if (reset) return { safeAt: reset, basis: 'rate-limit-reset' };
  return { safeAt: new Date(now.getTime() + DEFAULT_RESET_SECONDS * 1000), basis: 'default' };
}

function waitFor(safeAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((safeAt.getTime() - now.getTime()) / 1000));
}

function retryAdvice(
  rule: RetryRule,
  failure: FailureInput,
  headers: Readonly<Record<string, string | undefined>>,
  now: Date,
): RetryAdvice {
  const none = { safeAt: null, waitSeconds: null, basis: null, automatic: false, maxAttempts: 0, backoffSeconds: [] };
  if (rule === 'after-reset') {
    const { safeAt, basis } = resetTime(failure, headers, now);
    const waitSeconds = waitFor(safeAt, now);
    return { rule, safeAt, waitSeconds, basis, automatic: true, maxAttempts: MAX_ATTEMPTS, backoffSeconds: [] };
  }
  if (rule === 'backoff') {
    // A server that says when to come back (Retry-After on a 503) knows better than the backoff schedule.
    const header = parseRetryAfter(headers[HEADER.retryAfter], now);
    const safeAt = header ?? new Date(now.getTime() + (BACKOFF_SECONDS[0] ?? 1) * 1000);
    return {
      rule,
      safeAt,
      waitSeconds: waitFor(safeAt, now),
      basis: header ? 'retry-after' : 'default',
      automatic: true,
      maxAttempts: MAX_ATTEMPTS,
      backoffSeconds: [...BACKOFF_SECONDS],
    };
  }
  return { rule, ...none };
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

function headline(entry: CatalogEntry, match: Advice['match'], failure: FailureInput): string {
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
export function advise(
  failure: FailureInput,
  headers: Readonly<Record<string, string | undefined>>,
  now: Date,
): Advice {
  const { entry, match } = resolveEntry(failure);
  return {
    entry,
    match,
    headline: headline(entry, match, failure),
    retry: retryAdvice(entry.retry, failure, headers, now),
    refund: refundAdvice(entry.refund, failure),
  };
}
