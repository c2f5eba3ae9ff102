import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/api-error';
import { retryDecision } from '../../src/errors/retry-decision';

const now = new Date('2026-11-25T10:00:00Z');
const at = (seconds: number) => now.getTime() + seconds * 1000;
const error = (status: number, code: string, headers: Record<string, string> = {}, retryAfter?: number) =>
  new ApiError({ status, code, message: code, headers, retryAfter });

describe('retryDecision', () => {
  it('waits for Retry-After, else the body, else X-RateLimit-Reset, else a minute on a 429', () => {
    const reset = String(Math.floor(now.getTime() / 1000) + 40);
    expect(retryDecision(error(429, 'RATE_LIMIT_EXCEEDED', { 'retry-after': '12' }), 1, now)).toEqual({
      kind: 'wait',
      reason: 'rate-limit',
      retryAt: at(12),
      nextAttempt: 2,
    });
    expect(retryDecision(error(429, 'RATE_LIMIT_EXCEEDED', {}, 7), 1, now)).toMatchObject({ retryAt: at(7) });
    expect(retryDecision(error(429, 'RATE_LIMIT_EXCEEDED', { 'x-ratelimit-reset': reset }), 1, now)).toMatchObject({
      retryAt: at(40),
    });
    expect(retryDecision(error(429, 'RATE_LIMIT_EXCEEDED'), 1, now)).toMatchObject({ retryAt: at(60) });
    // A reset already past (clock skew) still waits a moment rather than looping.
    expect(retryDecision(error(429, 'RATE_LIMIT_EXCEEDED', { 'retry-after': '0' }), 1, now)).toMatchObject({
      retryAt: at(1),
    });
  });

  it('reads a Retry-After given as an HTTP date', () => {
    const date = new Date(at(30)).toUTCString();
    expect(retryDecision(error(429, 'RATE_LIMIT_EXCEEDED', { 'retry-after': date }), 1, now)).toMatchObject({
      retryAt: at(30),
    });
  });

  it('backs off 1 s, then 2 s, and gives up after the third try', () => {
    const unavailable = error(503, 'SERVICE_UNAVAILABLE');
    expect(retryDecision(unavailable, 1, now)).toEqual({
      kind: 'wait',
      reason: 'backoff',
      retryAt: at(1),
      nextAttempt: 2,
    });
    expect(retryDecision(unavailable, 2, now)).toEqual({
      kind: 'wait',
      reason: 'backoff',
      retryAt: at(2),
      nextAttempt: 3,
    });
    expect(retryDecision(unavailable, 3, now)).toEqual({ kind: 'give-up' });
    expect(retryDecision(error(429, 'RATE_LIMIT_EXCEEDED', { 'retry-after': '1' }), 3, now)).toEqual({
      kind: 'give-up',
    });
  });

  it('takes a 5xx Retry-After over the schedule, and retries an unreachable API', () => {
    expect(retryDecision(error(502, 'BAD_GATEWAY', { 'retry-after': '9' }), 1, now)).toMatchObject({ retryAt: at(9) });
    expect(retryDecision(error(504, 'TIMEOUT'), 1, now)).toMatchObject({ kind: 'wait', reason: 'backoff' });
    expect(retryDecision(error(0, 'NETWORK_UNREACHABLE'), 1, now)).toMatchObject({ kind: 'wait', reason: 'backoff' });
  });

  it('goes by the status when the code is unknown, and by the status class past the table', () => {
    expect(retryDecision(error(503, 'HTTP_503'), 1, now)).toMatchObject({ kind: 'wait', reason: 'backoff' });
    expect(retryDecision(error(507, 'SOMETHING_NEW'), 1, now)).toMatchObject({ kind: 'wait', reason: 'backoff' });
    expect(retryDecision(error(429, 'HTTP_429', { 'retry-after': '5' }), 1, now)).toMatchObject({
      reason: 'rate-limit',
      retryAt: at(5),
    });
    expect(retryDecision(error(418, 'SOMETHING_NEW'), 1, now)).toEqual({ kind: 'give-up' });
    expect(retryDecision(error(200, 'UNEXPECTED_RESPONSE'), 1, now)).toEqual({ kind: 'give-up' });
  });

  it('gives up on anything that is not an answer of the API', () => {
    expect(retryDecision(new TypeError('a bug'), 1, now)).toEqual({ kind: 'give-up' });
  });

  it.each([
    [400, 'INVALID_REQUEST'],
    [401, 'INVALID_API_KEY'],
    [402, 'INSUFFICIENT_CREDITS'],
    [403, 'BLOCKED_BY_ANTIBOT'],
    [404, 'NOT_FOUND'],
    [409, 'WEBHOOK_ALREADY_EXISTS'],
    [410, 'SESSION_EXPIRED'],
    [413, 'CONTENT_TOO_LARGE'],
    [415, 'UNSUPPORTED_CONTENT_TYPE'],
    [422, 'EXTRACTION_FAILED'],
    [429, 'SESSION_LIMIT_REACHED'],
  ])('never resends a %i %s by itself', (status, code) => {
    expect(retryDecision(error(status, code, { 'retry-after': '5' }), 1, now)).toEqual({ kind: 'give-up' });
  });
});
