import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/api-error';
import { advise, failureFromApiError, parseFailureBody } from '../../src/errors/advise';
import type { FailureInput } from '../../src/errors/advise';
import { CATALOG, findEntry, statusEntry } from '../../src/errors/catalog';
import type { RetryRule } from '../../src/errors/catalog';

const now = new Date('2025-06-01T12:00:00.000Z');
const nowSeconds = now.getTime() / 1000;
const after = (seconds: number) => new Date(now.getTime() + seconds * 1000);

/** Only waiting (for a reset, or out a backoff) is done without the user; 'maybe' is offered as a fix. */
const AUTOMATIC: Record<RetryRule, boolean> = {
  never: false,
  maybe: false,
  'not-applicable': false,
  'after-reset': true,
  backoff: true,
};

describe('advise for every catalog code', () => {
  const codeEntries = CATALOG.filter((entry) => entry.kind === 'code');

  it.each(codeEntries)('$code at $status', (entry) => {
    const advice = advise({ status: entry.status, code: entry.code }, {}, now);
    expect(advice.entry).toBe(entry);
    expect(advice.match).toBe('code');
    expect(advice.retry.rule).toBe(entry.retry);
    expect(advice.retry.automatic).toBe(AUTOMATIC[entry.retry]);
    expect(advice.headline).toContain(entry.title);
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

describe('parseFailureBody', () => {
  const envelope = {
    error: 'INSUFFICIENT_CREDITS',
    message: 'Your account has insufficient balance for this request',
    request_id: 'req_550e8400-e29b-41d4-a716-446655440000',
    details: { required_credits: 5, available_credits: 2, estimated_tier: '2' },
  };

  it('reads a pasted envelope, taking the status from the catalog', () => {
    expect(parseFailureBody(envelope)).toEqual({
      status: 402,
      code: 'INSUFFICIENT_CREDITS',
      message: envelope.message,
      requestId: envelope.request_id,
      details: envelope.details,
    });
  });

  it('reads JSON text, billing and retry_after, and keeps a given status', () => {
    const body = JSON.stringify({
      error: 'SESSION_EXPIRED',
      message: 'Session cookies expired',
      billing: { refunded: true, refunded_credits: 5 },
      retry_after: 4,
    });
    expect(parseFailureBody(body, 410)).toMatchObject({
      status: 410,
      code: 'SESSION_EXPIRED',
      billing: { refunded: true, refunded_credits: 5 },
      retryAfter: 4,
    });
  });

  it("reads a failed job's error", () => {
    const job = { job_id: 'job_1', status: 'failed', result: null, error: { error: 'TIMEOUT', message: 'Timed out' } };
    expect(parseFailureBody(job)).toMatchObject({ status: 504, code: 'TIMEOUT' });
  });

  it('tolerates an envelope without a message', () => {
    expect(parseFailureBody({ error: 'PAYWALL_DETECTED' })).toMatchObject({ status: 402, code: 'PAYWALL_DETECTED' });
  });

  it('reads FastAPI-style detail bodies', () => {
    expect(parseFailureBody({ detail: 'Not authenticated' }, 401)).toEqual({
      status: 401,
      code: 'UNKNOWN',
      message: 'Not authenticated',
    });
    expect(parseFailureBody({ detail: 'INVALID_API_KEY' })).toMatchObject({ status: 401, code: 'INVALID_API_KEY' });
    expect(parseFailureBody({ detail: { error: 'TIMEOUT', message: 'Timed out' } })).toMatchObject({ code: 'TIMEOUT' });
    const validation = parseFailureBody({ detail: [{ loc: ['body', 'url'], msg: 'field required', type: 'missing' }] });
    expect(validation).toMatchObject({
      status: 422,
      code: 'INVALID_REQUEST',
      details: { issues: [{ field: 'url', message: 'field required' }] },
    });
  });

  it('gives an unknown code without a status no status', () => {
    const failure = parseFailureBody({ error: 'SOMETHING_NEW', message: 'New' });
    expect(failure?.status).toBe(0);
    expect(advise(failure ?? { status: 0, code: '' }, {}, now).match).toBe('unknown');
  });

  it.each([null, 42, 'not json', '[1, 2]', [], {}, { foo: 1 }, { error: 5, message: 'x' }, { detail: '' }])(
    'rejects junk: %j',
    (junk) => {
      expect(parseFailureBody(junk)).toBeNull();
    },
  );
});
