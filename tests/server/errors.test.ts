import { describe, expect, it } from 'vitest';
import { envelopeOf, fail } from '../../server/errors';

// Expected statuses are the seed's, written out: not read back from the table fail() reads.
describe('fail', () => {
  it.each([
    ['PAYWALL_DETECTED', 402],
    ['TIMEOUT', 504],
    ['NETWORK_ERROR', 503],
    ['REQUIRES_AUTH', 401],
    ['INSUFFICIENT_CREDITS', 402],
    ['EXCEEDS_COST_LIMIT', 400],
    ['RATE_LIMIT_EXCEEDED', 429],
    ['SESSION_NOT_FOUND', 404],
  ] as const)('answers %s with %i', (code, status) => {
    const failure = fail(code, 'why');
    expect({ code: failure.code, status: failure.status, message: failure.message }).toEqual({
      code,
      status,
      message: 'why',
    });
  });

  it('raises SESSION_EXPIRED with the status saying which session expired', () => {
    expect(fail('SESSION_EXPIRED', 'log in again', { status: 401 }).status).toBe(401);
    expect(fail('SESSION_EXPIRED', 'refresh the cookies', { status: 410 }).status).toBe(410);
  });

  it('refuses at compile time what has no one status to answer with (checked by tsc, never run)', () => {
    const uncompilable = [
      // @ts-expect-error: SESSION_EXPIRED is 401 or 410, and fail() will not guess
      () => fail('SESSION_EXPIRED', 'which one?'),
      // @ts-expect-error: 403 is not one of SESSION_EXPIRED's statuses
      () => fail('SESSION_EXPIRED', 'nope', { status: 403 }),
      // @ts-expect-error: NETWORK_UNREACHABLE (status 0, no answer at all) is no server's to send
      () => fail('NETWORK_UNREACHABLE', 'x'),
      // @ts-expect-error: only a code with two statuses takes one
      () => fail('TIMEOUT', 'x', { status: 500 }),
    ];
    expect(uncompilable).toHaveLength(4);
  });

  it('keeps the extras for the envelope, and not the status', () => {
    const failure = fail('PAYWALL_DETECTED', 'Behind a paywall', {
      billing: { refunded: true, refunded_credits: 1 },
      details: { escalations: [] },
    });
    expect(envelopeOf(failure, 'req_1')).toEqual({
      error: 'PAYWALL_DETECTED',
      code: 'PAYWALL_DETECTED',
      message: 'Behind a paywall',
      detail: 'Behind a paywall',
      request_id: 'req_1',
      billing: { refunded: true, refunded_credits: 1 },
      details: { escalations: [] },
    });
    expect(envelopeOf(fail('SESSION_EXPIRED', 'x', { status: 410 }), 'req_2')).not.toHaveProperty('status');
  });
});
