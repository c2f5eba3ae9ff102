import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../contract/error-codes';
import { decodePaste, type DecodedPaste } from '../../../src/features/triage/decode-paste';
import { triageAdvice } from '../../../src/features/triage/triage-verdict';

// Expected statuses and refunds come from the seed itself (parsed as tests/contract/error-codes-match-seed.test.ts
// does), or, for the codes our contract adds, from the table below written out here: never from ERROR_CODES.
const seedLines = readFileSync(path.resolve(process.cwd(), 'docs/reference/alterlab-error-codes.txt'), 'utf8')
  .split(/\r?\n/)
  .map((line) => line.trim());
const SEED: { code: string; status: number; refunded: boolean }[] = seedLines.flatMap((line, index) =>
  /^[A-Z][A-Z0-9_]*[A-Z0-9]$/.test(line) && /^\d{3}$/.test(seedLines[index + 1] ?? '')
    ? [{ code: line, status: Number(seedLines[index + 1]), refunded: seedLines[index + 2] === 'Refunded' }]
    : [],
);
/** Ours (README and api-contract): status, and whether a charged failure is refunded (5xx are, per the seed). */
const OURS: Record<string, { status: number; refunded: boolean | null }> = {
  NOT_FOUND: { status: 404, refunded: null },
  INVALID_REQUEST: { status: 400, refunded: false },
  INTERNAL_ERROR: { status: 500, refunded: true },
  BAD_GATEWAY: { status: 502, refunded: true },
  SERVICE_UNAVAILABLE: { status: 503, refunded: true },
  GATEWAY_TIMEOUT: { status: 504, refunded: true },
  WEBHOOK_ALREADY_EXISTS: { status: 409, refunded: null },
  PAYLOAD_TOO_LARGE: { status: 413, refunded: null },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, refunded: null },
  NETWORK_UNREACHABLE: { status: 0, refunded: null },
};

/** Every code of the contract with the statuses and refund expected of it, from the seed or the table above. */
const CASES = [...new Set(ERROR_CODES.map((facts) => facts.code as string))].map((code) => {
  const seed = SEED.filter((entry) => entry.code === code);
  const ours = OURS[code];
  const statuses = seed.length > 0 ? seed.map((entry) => entry.status) : ours ? [ours.status] : [];
  // A seed code without "Refunded" is not refunded or not charged: either way, the policy never expects a refund.
  const refunded = seed.length > 0 ? (seed[0]!.refunded ? true : false) : (ours?.refunded ?? null);
  return { code, statuses, refunded };
});

const REQUEST_ID = 'req_0b7f3c2e-5a41-4d6e-9c3b-7a2f1e8d9c10';
const NOW = new Date('2026-03-01T12:00:00Z');

function read(text: string): DecodedPaste {
  const result = decodePaste(text);
  if (!result.ok) throw new Error(`not decoded: ${result.problem}`);
  return result.paste;
}
const adviceOf = (paste: DecodedPaste) => triageAdvice({ ...paste, failure: paste.failure! }, NOW);
const body = (code: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ error: code, message: `It failed: ${code}`, request_id: REQUEST_ID, ...extra });
const http = (status: number, headers: string[], text: string) =>
  [`HTTP/1.1 ${status} Whatever`, ...headers, '', text].join('\r\n');

describe('every code of the contract', () => {
  it('has an expected status from the seed or the table here', () => {
    expect(CASES.filter((entry) => entry.statuses.length === 0).map((entry) => entry.code)).toEqual([]);
    expect(CASES.length).toBe(new Set(ERROR_CODES.map((facts) => facts.code)).size);
  });

  describe.each(CASES)('$code', ({ code, statuses, refunded }) => {
    const [status] = statuses as [number];

    it('as a JSON body: its guidance, its status, and the refund checked against the policy', () => {
      const paste = read(body(code, { billing: { refunded: true, refunded_credits: 5 } }));
      expect(paste).toMatchObject({ kind: 'error-body', requestId: REQUEST_ID });
      expect(paste.failure).toMatchObject({ code, status, message: `It failed: ${code}` });
      const { advice, statusCheck, refund } = adviceOf(paste);
      expect(advice.entry.code).toBe(code);
      expect(advice.match).toBe('code');
      expect(statusCheck.kind).toBe('implied');
      if (refunded === true) expect(refund).toMatchObject({ kind: 'as-policy', expected: true, reported: true });
      else expect(refund.kind).not.toBe('as-policy');

      const notRefunded = adviceOf(read(body(code, { billing: { refunded: false, refunded_credits: 0 } }))).refund;
      if (refunded === true) expect(notRefunded.kind).toBe('against-policy');
      else expect(notRefunded.kind).not.toBe('against-policy');
    });

    it('as a bare code, in any case', () => {
      for (const text of [code, code.toLowerCase(), `  ${code}\n`]) {
        const paste = read(text);
        expect(paste.kind).toBe('code');
        expect(paste.failure).toMatchObject({ code, status });
        expect(adviceOf(paste).advice.entry.code).toBe(code);
      }
    });

    if (status > 0)
      it('as raw HTTP at each of its statuses: consistent; at another status: flagged', () => {
        for (const each of statuses) {
          const paste = read(http(each, ['Content-Type: application/json', `X-Request-Id: ${REQUEST_ID}`], body(code)));
          expect(paste).toMatchObject({ kind: 'http-response', pastedStatus: each, requestId: REQUEST_ID });
          expect(adviceOf(paste).statusCheck).toEqual({ kind: 'consistent', status: each });
          expect(adviceOf(paste).advice.entry.code).toBe(code);
        }
        const wrong = status === 418 ? 500 : 418;
        expect(adviceOf(read(http(wrong, [], body(code)))).statusCheck).toEqual({
          kind: 'mismatch',
          status: wrong,
          expected: statuses,
        });
      });

    if (status > 0)
      it('as curl -i and curl -v output', () => {
        const curlI = ['HTTP/1.1 100 Continue', '', http(status, ['date: Sun, 01 Mar 2026 12:00:00 GMT'], body(code))];
        expect(read(curlI.join('\r\n')).failure).toMatchObject({ code, status });
        const curlV = [
          '*   Trying 127.0.0.1:8787...',
          '> POST /api/v1/scrape HTTP/1.1',
          '> Host: 127.0.0.1:8787',
          '>',
          `< HTTP/1.1 ${status} Whatever`,
          '< content-type: application/json',
          `< x-request-id: ${REQUEST_ID}`,
          '<',
          '* Connection #0 to host 127.0.0.1 left intact',
          body(code),
        ].join('\n');
        expect(read(curlV)).toMatchObject({ kind: 'http-response', failure: { code, status }, requestId: REQUEST_ID });
      });

    it('as a failed job in the Python SDK’s exception: the code read from its text, the SDK’s 422 told apart', () => {
      const paste = read(`alterlab.client.ScrapeError: [422] ${code}: the page said no`);
      expect(paste).toMatchObject({ kind: 'sdk-exception', exception: 'ScrapeError', pastedStatus: 422 });
      expect(paste.failure).toMatchObject({ code, status, message: `${code}: the page said no` });
      expect(adviceOf(paste).statusCheck.kind).toBe(statuses.includes(422) ? 'consistent' : 'sdk-differs');
    });

    it('as an exception naming status and code', () => {
      const paste = read(`AlterLabError: something broke (status ${status || 500}, code ${code})`);
      expect(paste.failure).toMatchObject({ code, status });
    });
  });
});

describe('every error status of the seed, pasted bare', () => {
  const statuses = [...new Set(seedLines.flatMap((line) => /^(\d{3})\D/.exec(line)?.[1] ?? []).map(Number))].filter(
    (status) => status >= 400 && status <= 599,
  );
  it.each(statuses)('%i', (status) => {
    const paste = read(String(status));
    expect(paste).toMatchObject({ kind: 'status', failure: { status }, statusSource: 'response' });
    expect(adviceOf(paste).advice.entry.status).toBe(status);
  });
});

describe('the official SDKs’ exception texts', () => {
  it('the Python SDK: the status in brackets and the API’s message, no code', () => {
    const traceback = [
      'Traceback (most recent call last):',
      '  File "run.py", line 4, in <module>',
      '    client.scrape("https://example.com")',
      'alterlab.client.InsufficientCreditsError: [402] This request needs 5 credits; the balance is 2',
    ].join('\n');
    const paste = read(traceback);
    expect(paste).toMatchObject({ kind: 'sdk-exception', exception: 'InsufficientCreditsError', pastedStatus: 402 });
    expect(paste.failure).toMatchObject({ status: 402, message: 'This request needs 5 credits; the balance is 2' });
    expect(adviceOf(paste).statusCheck.kind).toBe('unchecked');
  });

  it('the Node SDK inspected: its own code is not an API code, its statusCode is', () => {
    const inspected = [
      'AuthenticationError: Invalid API key',
      '    at AlterLab.request (node_modules/@alterlab/sdk/dist/index.js:210:15)',
      '  statusCode: 401,',
      "  code: 'AUTHENTICATION_ERROR',",
    ].join('\n');
    const paste = read(inspected);
    expect(paste.failure).toMatchObject({ status: 401, code: '401', message: 'Invalid API key' });
  });

  it('httpx’s own error, when a script calls raise_for_status()', () => {
    const paste = read(
      "httpx.HTTPStatusError: Client error '429 Too Many Requests' for url 'https://api.alterlab.io/api/v1/scrape'",
    );
    expect(paste).toMatchObject({ kind: 'sdk-exception', exception: 'HTTPStatusError', pastedStatus: 429 });
    expect(adviceOf(paste).advice.retry.rule).toBe('after-reset');
  });

  it('the SDK’s status picks between a code’s own statuses: SESSION_EXPIRED at 410 is a stored session', () => {
    const paste = read('AlterLabAPIError: [410] SESSION_EXPIRED: Session 7d0c1a5e has expired: refresh its cookies');
    expect(paste.failure).toMatchObject({ status: 410, code: 'SESSION_EXPIRED' });
    const { advice, statusCheck } = adviceOf(paste);
    expect(statusCheck.kind).toBe('consistent');
    expect(advice.entry.title).toBe("Stored session's cookies expired");
    // A number the code is never answered with is the SDK's own, as before.
    expect(read('AlterLabAPIError: [422] PAYWALL_DETECTED: paywall').failure).toMatchObject({ status: 402 });
  });

  it('a request id inside the text is kept for the lookup', () => {
    expect(read(`AlterLabAPIError: [504] took too long (request ${REQUEST_ID})`).requestId).toBe(REQUEST_ID);
  });
});

describe('a request id', () => {
  it('alone is a lookup, and nothing else', () => {
    expect(read(`  ${REQUEST_ID} `)).toMatchObject({ kind: 'request-id', requestId: REQUEST_ID, failure: null });
    expect(read('0b7f3c2e-5a41-4d6e-9c3b-7a2f1e8d9c10').kind).toBe('request-id');
  });
});

describe('retry advice with the time from the pasted headers', () => {
  const limited = body('RATE_LIMIT_EXCEEDED');
  it('Retry-After counts from the response’s Date', () => {
    const paste = read(http(429, ['Date: Sun, 01 Mar 2026 11:59:50 GMT', 'Retry-After: 30'], limited));
    const { advice } = adviceOf(paste);
    expect(advice.retry).toMatchObject({ rule: 'after-reset', basis: 'retry-after' });
    expect(advice.retry.safeAt?.toISOString()).toBe('2026-03-01T12:00:20.000Z');
  });

  it('X-RateLimit-Reset when there is no Retry-After', () => {
    const paste = read(
      http(429, ['X-RateLimit-Limit: 30', 'X-RateLimit-Remaining: 0', 'X-RateLimit-Reset: 1772366460'], limited),
    );
    const { advice } = adviceOf(paste);
    expect(advice.retry).toMatchObject({ basis: 'rate-limit-reset' });
    expect(advice.retry.safeAt?.toISOString()).toBe('2026-03-01T12:01:00.000Z');
  });

  it('a body’s retry_after when the headers were not pasted', () => {
    const { advice } = adviceOf(read(body('RATE_LIMIT_EXCEEDED', { retry_after: 12 })));
    expect(advice.retry).toMatchObject({ basis: 'body-retry-after', waitSeconds: 12 });
  });
});

describe('malformed pastes get a clear message', () => {
  it.each([
    ['nothing', '   ', /Nothing pasted/],
    ['broken JSON', '{"error": "TIMEOUT", "message": ', /does not parse/],
    ['JSON that is no error', '{"url": "https://example.com", "content": "hi"}', /not an error body/],
    ['an unknown code', 'NOT_A_REAL_CODE', /not a code the API answers with/],
    ['a success', http(200, [], '{"url":"x"}'), /not an error/],
    ['a response with an HTML body', http(502, [], '<html>Bad gateway</html>'), /not an error body/],
    ['prose', 'my scrape failed and I was charged', /could not be read/],
    ['a status that is no error', '204', /not an error status/],
  ])('%s', (_, text, message) => {
    const result = decodePaste(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(message);
  });

  it('a response without a body is guided by its status', () => {
    const paste = read(http(503, ['Retry-After: 5'], ''));
    expect(paste.failure).toMatchObject({ status: 503, code: '503' });
    expect(adviceOf(paste).advice.retry).toMatchObject({ rule: 'backoff', basis: 'retry-after' });
  });
});

// Read as the error reference reads them (tests/errors/pasted-answer.test.ts has the reading itself).
describe('pastes the error reference read and this decoder did not', () => {
  it('a curl -v response run together on one line', () => {
    const curlV = [
      '> POST /api/v1/scrape HTTP/1.1',
      '>',
      '< HTTP/1.1 413 Payload Too Large',
      `< x-request-id: ${REQUEST_ID}`,
      '<',
      '{"error":"CONTENT_TOO_LARGE","message":"The page is larger than the 10 MB limit"}',
    ].join('');
    expect(read(curlV)).toMatchObject({
      kind: 'http-response',
      pastedStatus: 413,
      failure: { code: 'CONTENT_TOO_LARGE' },
      requestId: REQUEST_ID,
    });
  });

  it('a body with `code` and no `error`', () => {
    expect(read('{"code":"PAYWALL_DETECTED","detail":"Paywall"}').failure).toMatchObject({
      code: 'PAYWALL_DETECTED',
      status: 402,
      message: 'Paywall',
    });
  });

  it('a request id only the message names', () => {
    expect(read(JSON.stringify({ error: 'INTERNAL_ERROR', message: `failed (${REQUEST_ID})` })).requestId).toBe(
      REQUEST_ID,
    );
  });
});
