import { describe, expect, it, vi } from 'vitest';
import { readPastedAnswer } from '../../src/errors/pasted-answer';

const ID = 'req_0a1b2c3d-1111-4222-8333-444455556666';
const SESSION = '7d0c1a5e-2f4b-4c3d-9e8f-0a1b2c3d4e5f';

describe('readPastedAnswer: an error body', () => {
  it('reads its code, message and request id, the status its code implies', () => {
    expect(readPastedAnswer(JSON.stringify({ error: 'TIMEOUT', message: 'Too slow', request_id: ID }))).toEqual({
      kind: 'error-body',
      failure: { status: 504, code: 'TIMEOUT', message: 'Too slow', requestId: ID },
      requestId: ID,
    });
  });

  it('reads the code official clients read when `error` is missing', () => {
    expect(readPastedAnswer('{"code":"PAYWALL_DETECTED","detail":"Paywall"}')).toMatchObject({
      kind: 'error-body',
      failure: { code: 'PAYWALL_DETECTED', message: 'Paywall' },
    });
  });

  it('reads the envelope wherever the API puts it: a failed job’s failure, a FastAPI detail', () => {
    const job = { job_id: 'job_1', status: 'failed', failure: { error: 'TIMEOUT', message: 'Timed out' } };
    expect(readPastedAnswer(JSON.stringify(job))).toMatchObject({ kind: 'error-body', failure: { code: 'TIMEOUT' } });
    const validation = { detail: [{ loc: ['body', 'url'], msg: 'field required' }] };
    expect(readPastedAnswer(JSON.stringify(validation))).toMatchObject({ failure: { code: 'INVALID_REQUEST' } });
  });

  it('reads a body inside a log line, but holds a paste that is JSON as a whole to all of it', () => {
    expect(readPastedAnswer(`12:00:01 scrape failed: {"error":"TIMEOUT","message":"slow"}`)).toMatchObject({
      kind: 'error-body',
      failure: { code: 'TIMEOUT', message: 'slow' },
    });
    expect(readPastedAnswer('[{"error":"TIMEOUT","message":"slow"}]')).toBeNull();
  });
});

describe('readPastedAnswer: a raw response', () => {
  it('reads curl -i output, with its lines run together as a one-line search box leaves them', () => {
    const lines = ['HTTP/2 429', `x-request-id: ${ID}`, 'retry-after: 12', '', '{"error":"RATE_LIMIT_EXCEEDED"}'];
    for (const text of [lines.join('\n'), lines.join(' ')]) {
      expect(readPastedAnswer(text)).toMatchObject({
        kind: 'http-response',
        status: 429,
        failure: { status: 429, code: 'RATE_LIMIT_EXCEEDED', message: undefined },
        requestId: ID,
      });
    }
  });

  it('reads curl -v output: the response’s status line after "<", the body after the data markers', () => {
    const lines = [
      '*   Trying 127.0.0.1:8787...',
      '> POST /api/v1/scrape HTTP/1.1',
      '> Content-Length: 36',
      '>',
      '} [36 bytes data]',
      '< HTTP/1.1 413 Payload Too Large',
      `< x-request-id: ${ID}`,
      '<',
      '{ [98 bytes data]',
      '{"error":"CONTENT_TOO_LARGE","message":"The page is larger than the 10 MB limit"}',
    ];
    for (const text of [lines.join('\n'), lines.join(' '), lines.join('')]) {
      expect(readPastedAnswer(text)).toMatchObject({
        kind: 'http-response',
        status: 413,
        failure: { code: 'CONTENT_TOO_LARGE', message: 'The page is larger than the 10 MB limit' },
        requestId: ID,
      });
    }
  });

  it('reads a pretty-printed body in curl -v output, with its data markers', () => {
    const curlV = [
      '< HTTP/1.1 402 Payment Required',
      '< content-type: application/json',
      '<',
      '{ [180 bytes data]',
      '{',
      '  "error": "PAYWALL_DETECTED",',
      '  "message": "<b>Subscribe</b> to read"',
      '}',
    ].join('\n');
    expect(readPastedAnswer(curlV)).toMatchObject({
      failure: { code: 'PAYWALL_DETECTED', message: '<b>Subscribe</b> to read' },
    });
  });

  it('reads the last status line of curl -v: after a 100 Continue, or at the end of a redirect it followed', () => {
    const continued = ['> Expect: 100-continue', '< HTTP/1.1 100 Continue', '< HTTP/1.1 504 Gateway Timeout', '<'];
    expect(readPastedAnswer(continued.join('\n'))).toMatchObject({ kind: 'http-response', status: 504 });
    const redirected = [
      '< HTTP/1.1 301 Moved Permanently',
      '< location: /v1',
      '<',
      '< HTTP/1.1 503 Service Unavailable',
    ];
    expect(readPastedAnswer(redirected.join('\n'))).toMatchObject({ kind: 'http-response', status: 503 });
  });

  // The reference's reader once took only a status line at the very start or after "<": curl -i's answer after a
  // 100 Continue was read as the 100.
  it('reads the last status line of curl -i too, and the headers of that answer', () => {
    const curlI = [
      'HTTP/1.1 100 Continue',
      '',
      'HTTP/1.1 429 Too Many Requests',
      'Retry-After: 30',
      'X-RateLimit-Remaining: 0',
      'X-RateLimit-Reset: 1772366460',
      '',
      '{"error":"RATE_LIMIT_EXCEEDED","message":"Too many"}',
    ].join('\r\n');
    expect(readPastedAnswer(curlI)).toMatchObject({
      status: 429,
      headers: { 'retry-after': '30', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1772366460' },
      failure: { status: 429, code: 'RATE_LIMIT_EXCEEDED' },
    });
  });

  it('reads a status line without a body as the status alone', () => {
    expect(readPastedAnswer('HTTP/1.1 503 Service Unavailable')).toEqual({
      kind: 'http-response',
      status: 503,
      headers: {},
      failure: { status: 503, code: '503' },
      requestId: null,
    });
  });

  it('keeps the status of an answer whose body is no error body, for each page to judge', () => {
    for (const [status, body] of [
      [502, '<html>Bad gateway</html>'],
      [200, '{"url":"https://example.com"}'],
    ] as const) {
      expect(readPastedAnswer(`HTTP/1.1 ${status} Whatever\r\n\r\n${body}`)).toMatchObject({ status, failure: null });
    }
  });
});

describe('readPastedAnswer: the request id', () => {
  it('reads a request id alone, the sandbox’s and a bare UUID', () => {
    expect(readPastedAnswer(`  ${ID} `)).toEqual({ kind: 'request-id', requestId: ID });
    expect(readPastedAnswer(SESSION)).toEqual({ kind: 'request-id', requestId: SESSION });
  });

  it('takes the body’s, else the header’s, else a `req_` id in the paste, but never another UUID', () => {
    const withHeader = (body: object) => ['HTTP/1.1 504', 'x-request-id: req_fromtheheader', '', JSON.stringify(body)];
    expect(readPastedAnswer(withHeader({ error: 'TIMEOUT', request_id: ID }).join('\n'))?.requestId).toBe(ID);
    expect(readPastedAnswer(withHeader({ error: 'TIMEOUT' }).join('\n'))?.requestId).toBe('req_fromtheheader');
    expect(readPastedAnswer(JSON.stringify({ error: 'TIMEOUT', message: `see ${ID}` }))?.requestId).toBe(ID);
    const session = {
      error: 'SESSION_EXPIRED',
      message: `Session ${SESSION} expired`,
      details: { session_id: SESSION },
    };
    expect(readPastedAnswer(JSON.stringify(session))?.requestId).toBeNull();
  });
});

describe('readPastedAnswer: anything else', () => {
  it('leaves words, codes, statuses, JSON that names no error and an SDK’s exception to each page', () => {
    for (const text of [
      'TIMEOUT',
      '429',
      'anti bot',
      '{"url":"https://example.com"}',
      `see ${ID} please`,
      '{broken',
      'alterlab.client.ScrapeError: [422] TIMEOUT: the page said no',
    ]) {
      expect(readPastedAnswer(text)).toBeNull();
    }
  });

  it('tries a few braces as the start of a body, not every one of a paste full of them', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(readPastedAnswer(`${'{"a":'.repeat(20_000)}}`)).toBeNull();
    // The whole paste once, then each start tried: without a bound, one parse to the end per brace.
    expect(parse.mock.calls.length).toBeLessThanOrEqual(40);
    parse.mockRestore();
  });
});
