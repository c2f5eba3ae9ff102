import { describe, expect, it } from 'vitest';
import { advise } from '../../src/errors/advise';
import { failureFromJob, parseFailureBody } from '../../src/errors/failure-body';
import { failureFromThrown } from '../../src/errors/failure-input';

const now = new Date('2025-06-01T12:00:00.000Z');

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

  it("reads a failed job's failure, and an older job whose error was the envelope", () => {
    const failure = { error: 'TIMEOUT', code: 'TIMEOUT', message: 'Timed out' };
    const job = { job_id: 'job_1', status: 'failed', result: null, error: 'TIMEOUT: Timed out', failure };
    expect(parseFailureBody(job)).toMatchObject({ status: 504, code: 'TIMEOUT', message: 'Timed out' });
    const older = {
      job_id: 'job_1',
      status: 'failed',
      result: null,
      error: { error: 'TIMEOUT', message: 'Timed out' },
    };
    expect(parseFailureBody(older)).toMatchObject({ status: 504, code: 'TIMEOUT' });
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

  it('reads a SESSION_EXPIRED body that names a stored session as the stored session’s (410), else the login’s', () => {
    const stored = parseFailureBody({
      error: 'SESSION_EXPIRED',
      message: 'Session 7d0c1a5e has expired: refresh its cookies',
      details: { session_id: '7d0c1a5e-2f4b-4c3d-9e8f-0a1b2c3d4e5f', expires_at: null },
    })!;
    expect(stored.status).toBe(410);
    expect(advise(stored, {}, now).entry.title).toBe("Stored session's cookies expired");
    expect(parseFailureBody({ error: 'SESSION_EXPIRED', message: 'log in again' })!.status).toBe(401);
    // A status that came with the body is never second-guessed.
    expect(parseFailureBody({ error: 'SESSION_EXPIRED', details: { session_id: 'x' } }, 401)!.status).toBe(401);
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

describe('failures that are not a pasted body', () => {
  it("reads a failed job's failure envelope, its text alone, and a job that ended without either", () => {
    const job = { job_id: 'job_1', status: 'failed' as const, result: null, error: null };
    const failure = { error: 'TIMEOUT', message: 'Timed out' };
    expect(failureFromJob({ ...job, error: 'TIMEOUT: Timed out', failure })).toMatchObject({
      status: 504,
      code: 'TIMEOUT',
    });
    expect(failureFromJob({ ...job, error: 'Timed out' })).toMatchObject({ code: 'UNKNOWN', message: 'Timed out' });
    expect(failureFromJob(job)).toMatchObject({
      status: 0,
      code: 'UNKNOWN',
      message: expect.stringContaining('job_1'),
    });
  });

  it('reads something thrown that is not an answer of the API as an unknown failure', () => {
    expect(failureFromThrown(new TypeError('a bug'))).toEqual({ status: 0, code: 'UNKNOWN', message: 'a bug' });
  });
});
