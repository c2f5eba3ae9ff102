import { describe, expect, it } from 'vitest';
import type { RetryRule } from '../../contract/error-codes';
import { ApiError } from '../../src/api/api-error';
import { advise } from '../../src/errors/advise';
import { failureFromApiError, type FailureInput } from '../../src/errors/failure-input';
import { findEntry, statusEntry } from '../../src/errors/catalog';

const now = new Date('2025-06-01T12:00:00.000Z');
const nowSeconds = now.getTime() / 1000;
const after = (seconds: number) => new Date(now.getTime() + seconds * 1000);

/** The seed's "Retry?" answer for each code, written out here rather than read from the table under test. */
const SEED_RETRY: [code: string, status: number, rule: RetryRule, automatic: boolean][] = [
  ['BLOCKED_BY_ANTIBOT', 403, 'maybe', false],
  ['CHALLENGE_DETECTED', 403, 'maybe', false],
  ['TIMEOUT', 504, 'backoff', true],
  ['CONTENT_TOO_LARGE', 413, 'never', false],
  ['UNSUPPORTED_CONTENT_TYPE', 415, 'never', false],
  ['EXTRACTION_FAILED', 422, 'maybe', false],
  ['REQUIRES_AUTH', 401, 'never', false],
  ['PAYWALL_DETECTED', 402, 'never', false],
  ['NETWORK_ERROR', 503, 'backoff', true],
  ['INVALID_API_KEY', 401, 'never', false],
  ['MISSING_API_KEY', 401, 'never', false],
  ['SESSION_EXPIRED', 401, 'never', false],
  ['SESSION_NOT_FOUND', 404, 'never', false],
  ['SESSION_EXPIRED', 410, 'never', false],
  ['SESSION_DOMAIN_MISMATCH', 400, 'never', false],
  ['SESSION_INACTIVE', 410, 'never', false],
  ['SESSION_LIMIT_REACHED', 429, 'never', false],
  ['SESSION_COOKIES_CONFLICT', 400, 'never', false],
  ['INSUFFICIENT_CREDITS', 402, 'never', false],
  ['EXCEEDS_COST_LIMIT', 400, 'never', false],
  ['SUBSCRIPTION_INACTIVE', 402, 'never', false],
  ['RATE_LIMIT_EXCEEDED', 429, 'after-reset', true],
  ['NOT_FOUND', 404, 'never', false],
  ['INVALID_REQUEST', 400, 'never', false],
  ['INTERNAL_ERROR', 500, 'backoff', true],
  ['BAD_GATEWAY', 502, 'backoff', true],
  ['SERVICE_UNAVAILABLE', 503, 'backoff', true],
  ['GATEWAY_TIMEOUT', 504, 'backoff', true],
  ['WEBHOOK_ALREADY_EXISTS', 409, 'never', false],
  ['NETWORK_UNREACHABLE', 0, 'backoff', true],
];

describe('advise for every code', () => {
  it.each(SEED_RETRY)('%s at %i: %s', (code, status, rule, automatic) => {
    const advice = advise({ status, code }, {}, now);
    expect(advice.match).toBe('code');
    expect(advice.entry).toMatchObject({ kind: 'code', code, status });
    expect(advice.retry.rule).toBe(rule);
    expect(advice.retry.automatic).toBe(automatic);
    expect(advice.headline).toContain(advice.entry.title);
    expect(advice.failure).toEqual({ status, code });
  });
});

describe('when to retry', () => {
  const rateLimited: FailureInput = { status: 429, code: 'RATE_LIMIT_EXCEEDED' };

  it('waits for Retry-After on a 429', () => {
    const { retry } = advise(rateLimited, { 'retry-after': '12', 'x-ratelimit-reset': String(nowSeconds + 50) }, now);
    expect(retry).toMatchObject({ rule: 'after-reset', safeAt: after(12), waitSeconds: 12, basis: 'retry-after' });
    expect(retry.automatic).toBe(true);
  });

  it('falls back to X-RateLimit-Reset', () => {
    const { retry } = advise(
      rateLimited,
      { 'x-ratelimit-reset': String(nowSeconds + 37), 'x-ratelimit-remaining': '0' },
      now,
    );
    expect(retry).toMatchObject({ safeAt: after(37), waitSeconds: 37, basis: 'rate-limit-reset' });
  });

  it("uses the body's retry_after when there is no Retry-After header", () => {
    const { retry } = advise({ ...rateLimited, retryAfter: 8 }, { 'x-ratelimit-reset': String(nowSeconds + 50) }, now);
    expect(retry).toMatchObject({ safeAt: after(8), waitSeconds: 8, basis: 'body-retry-after' });
  });

  it('never reports a negative wait for a reset in the past', () => {
    const { retry } = advise(rateLimited, { 'x-ratelimit-reset': String(nowSeconds - 5) }, now);
    expect(retry.waitSeconds).toBe(0);
  });

  it('backs off 1, 2, 4 seconds over 3 attempts on a 503', () => {
    const { retry } = advise({ status: 503, code: 'SERVICE_UNAVAILABLE' }, {}, now);
    expect(retry).toMatchObject({ rule: 'backoff', automatic: true, maxAttempts: 3, backoffSeconds: [1, 2, 4] });
  });

  it('does not retry a 403 on its own, and offers fixes instead', () => {
    const advice = advise({ status: 403, code: 'BLOCKED_BY_ANTIBOT' }, {}, now);
    expect(advice.retry).toMatchObject({ rule: 'maybe', automatic: false, safeAt: null, waitSeconds: null });
    expect(advice.entry.fixes.map((fix) => fix.id)).toContain('raise-max-tier-4');
  });

  it('does not wait for a reset when the session limit is reached', () => {
    const { retry } = advise({ status: 429, code: 'SESSION_LIMIT_REACHED' }, { 'retry-after': '5' }, now);
    expect(retry).toMatchObject({ rule: 'never', automatic: false, safeAt: null });
  });
});

describe('refunds against the policy', () => {
  it('flags a blocked scrape that was not refunded', () => {
    const { refund } = advise(
      { status: 403, code: 'BLOCKED_BY_ANTIBOT', billing: { refunded: false, refunded_credits: 0 } },
      {},
      now,
    );
    expect(refund).toEqual({
      policy: 'refunded',
      expectedRefund: true,
      reportedRefund: false,
      refundedCredits: 0,
      mismatch: true,
    });
  });

  it('agrees with a refunded block', () => {
    const { refund } = advise(
      { status: 403, code: 'BLOCKED_BY_ANTIBOT', billing: { refunded: true, refunded_credits: 5 } },
      {},
      now,
    );
    expect(refund).toMatchObject({ reportedRefund: true, refundedCredits: 5, mismatch: false });
  });

  it('claims no mismatch without billing', () => {
    const { refund } = advise({ status: 403, code: 'BLOCKED_BY_ANTIBOT' }, {}, now);
    expect(refund).toMatchObject({
      expectedRefund: true,
      reportedRefund: null,
      refundedCredits: null,
      mismatch: false,
    });
  });

  it('flags a refunded rate limit', () => {
    const { refund } = advise(
      { status: 429, code: 'RATE_LIMIT_EXCEEDED', billing: { refunded: true, refunded_credits: 1 } },
      {},
      now,
    );
    expect(refund).toMatchObject({ policy: 'not-refunded', expectedRefund: false, mismatch: true });
  });

  it('claims nothing of a bare 401: a refused key is not charged, a login wall (REQUIRES_AUTH) is refunded', () => {
    const { refund } = advise({ status: 401, code: '401', billing: { refunded: true, refunded_credits: 5 } }, {}, now);
    expect(refund).toMatchObject({ expectedRefund: null, mismatch: false });
  });

  it('expects nothing where nothing is charged', () => {
    const { refund } = advise(
      { status: 404, code: 'SESSION_NOT_FOUND', billing: { refunded: true, refunded_credits: 0 } },
      {},
      now,
    );
    expect(refund).toMatchObject({ expectedRefund: null, mismatch: false });
  });
});

describe('telling entries apart', () => {
  it('tells the dashboard login from a stored session by status', () => {
    const login = advise({ status: 401, code: 'SESSION_EXPIRED' }, {}, now);
    const stored = advise({ status: 410, code: 'SESSION_EXPIRED' }, {}, now);
    expect(login.entry).not.toBe(stored.entry);
    expect(login.entry.category).toBe('auth');
    expect(stored.entry.category).toBe('session');
    expect(login.entry.fixes).toEqual([expect.objectContaining({ kind: 'link', to: '/settings' })]);
    expect(stored.entry.fixes).toEqual([expect.objectContaining({ kind: 'link', to: '/sessions' })]);
    expect(login.headline).not.toBe(stored.headline);
  });

  it('guides an unknown code by its status', () => {
    const advice = advise({ status: 503, code: 'SOMETHING_NEW' }, {}, now);
    expect(advice.entry).toBe(statusEntry(503));
    expect(advice.match).toBe('status');
    expect(advice.retry).toMatchObject({ rule: 'backoff', automatic: true });
    expect(advice.refund.expectedRefund).toBe(true);
    expect(advice.headline).toBe('SOMETHING_NEW: Service unavailable (503)');
  });

  it('still guides an unknown code at a status the seed does not list', () => {
    const server = advise({ status: 507, code: 'SOMETHING_NEW' }, {}, now);
    expect(server.match).toBe('unknown');
    expect(server.entry).toMatchObject({ status: 507, retry: 'backoff', refund: 'refunded' });
    const client = advise({ status: 418, code: 'SOMETHING_NEW' }, {}, now);
    expect(client.entry).toMatchObject({ status: 418, retry: 'never', refund: 'not-applicable' });
  });

  it('guides a bare 410, which the status table lacks, by the codes answered with it', () => {
    const advice = advise({ status: 410, code: '410' }, {}, now);
    expect(advice.match).toBe('status');
    expect(advice.entry.whatHappened).toMatch(/^The API answers 410 with SESSION_EXPIRED or SESSION_INACTIVE/);
    expect(advice.entry.whatHappened).not.toMatch(/does not know/);
    expect(advice.entry.whatToChange).toContain('SESSION_INACTIVE: Create a new session');
    expect(advice.retry.rule).toBe('never');
    // An unknown code at 410 is not one of them.
    const unknown = advise({ status: 410, code: 'SOMETHING_NEW' }, {}, now);
    expect(unknown.match).toBe('unknown');
    expect(unknown.entry.whatHappened).not.toMatch(/SESSION_/);
  });

  it('guides a network failure of the client', () => {
    const advice = advise({ status: 0, code: 'NETWORK_UNREACHABLE' }, {}, now);
    expect(advice.entry).toBe(findEntry('NETWORK_UNREACHABLE'));
    expect(advice.headline).toBe('Could not reach the API (no response)');
  });

  it('reads an ApiError', () => {
    const error = new ApiError({
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Slow down',
      requestId: 'req_1',
      retryAfter: 3,
      headers: { 'retry-after': '3' },
    });
    const failure = failureFromApiError(error);
    expect(failure).toMatchObject({
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Slow down',
      requestId: 'req_1',
      retryAfter: 3,
    });
    expect(advise(failure, error.headers, now).retry.waitSeconds).toBe(3);
  });
});
