import { describe, expect, it } from 'vitest';
import { decodePaste } from '../../../src/features/error-reference/decode-paste';

const ID = 'req_0a1b2c3d-1111-4222-8333-444455556666';

describe('decodePaste', () => {
  it('reads an error body: its code, message and request id', () => {
    expect(decodePaste(JSON.stringify({ error: 'TIMEOUT', message: 'Too slow', request_id: ID }))).toEqual({
      kind: 'error-body',
      code: 'TIMEOUT',
      status: null,
      requestId: ID,
      message: 'Too slow',
    });
  });

  it('reads the code official clients read when `error` is missing', () => {
    expect(decodePaste('{"code":"PAYWALL_DETECTED","detail":"Paywall"}')).toMatchObject({
      code: 'PAYWALL_DETECTED',
      message: 'Paywall',
    });
  });

  it('reads curl -i output, with its lines run together as a one-line search box leaves them', () => {
    const lines = ['HTTP/2 429', `x-request-id: ${ID}`, 'retry-after: 12', '', '{"error":"RATE_LIMIT_EXCEEDED"}'];
    for (const text of [lines.join('\n'), lines.join(' ')]) {
      expect(decodePaste(text)).toEqual({
        kind: 'response',
        code: 'RATE_LIMIT_EXCEEDED',
        status: 429,
        requestId: ID,
        message: null,
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
      expect(decodePaste(text)).toEqual({
        kind: 'response',
        code: 'CONTENT_TOO_LARGE',
        status: 413,
        requestId: ID,
        message: 'The page is larger than the 10 MB limit',
      });
    }
  });

  it('reads the last status line of curl -v: after a 100 Continue, or at the end of a redirect it followed', () => {
    const continued = ['> Expect: 100-continue', '< HTTP/1.1 100 Continue', '< HTTP/1.1 504 Gateway Timeout', '<'];
    expect(decodePaste(continued.join('\n'))).toMatchObject({ kind: 'response', status: 504 });
    const redirected = [
      '< HTTP/1.1 301 Moved Permanently',
      '< location: /v1',
      '<',
      '< HTTP/1.1 503 Service Unavailable',
    ];
    expect(decodePaste(redirected.join('\n'))).toMatchObject({ kind: 'response', status: 503 });
  });

  it('reads a status line without a body', () => {
    expect(decodePaste('HTTP/1.1 503 Service Unavailable')).toMatchObject({
      kind: 'response',
      code: null,
      status: 503,
    });
  });

  it('reads a request id alone', () => {
    expect(decodePaste(`  ${ID} `)).toEqual({
      kind: 'request-id',
      code: null,
      status: null,
      requestId: ID,
      message: null,
    });
  });

  it('leaves words, codes, statuses and JSON that names no error to the ordinary search', () => {
    for (const text of ['TIMEOUT', '429', 'anti bot', '{"url":"https://example.com"}', `see ${ID} please`, '{broken']) {
      expect(decodePaste(text)).toBeNull();
    }
  });
});
