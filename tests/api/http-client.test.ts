import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../src/api/api-error';
import { usageSchema } from '../../contract/usage';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { keyFingerprint, useRateLimitStore } from '../../src/api/rate-limit-store';
import { DEMO_KEY } from '../support/demo-keys';
import { sandboxInfoSchema } from '../../contract/sandbox';
import { envelope, rateLimitHeaders, sandboxInfoFixture, usageFixture } from '../support/msw/fixtures';
import { API, api, server } from '../support/msw/server';

// The client itself is under test here; everything else reaches it through src/api's resource files.
const { request } = await import('../../src/api/http-client');
const KEY = DEMO_KEY.growth;
/** The dashboard asking for itself, and the user checking a key. */
const getUsage = () => request(usageSchema, '/usage');
const verifyApiKey = (apiKey: string) => request(usageSchema, '/usage', { apiKey, source: 'user' });
beforeEach(() => useCredentialsStore.getState().keyEntered(KEY, false));
/** What the store holds for a key. */
const samplesOf = (key: string) => useRateLimitStore.getState().byKey[keyFingerprint(key)]?.toArray() ?? [];

/** The headers of every request sent while `run` runs. */
async function headersSent(run: () => Promise<unknown>): Promise<Headers[]> {
  const seen: Headers[] = [];
  server.events.on('request:start', ({ request }) => void seen.push(request.headers));
  try {
    await run();
  } finally {
    server.events.removeAllListeners();
  }
  return seen;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the HTTP client', () => {
  it('sends the key in the X-API-Key header, never in the URL', async () => {
    let seen: Request | undefined;
    server.events.on('request:start', ({ request }) => void (seen = request));
    await getUsage();
    server.events.removeAllListeners();
    expect(seen?.headers.get('x-api-key')).toBe(KEY);
    expect(seen?.url).not.toContain(KEY);
  });

  it('records the rate-limit headers of the connected key’s answers, telling the dashboard’s calls from the user’s', async () => {
    await getUsage();
    await verifyApiKey(KEY);
    expect(samplesOf(KEY).map((sample) => [sample.source, sample.path, sample.remaining, sample.limit])).toEqual([
      ['dashboard', '/usage', 97, 100],
      ['user', '/usage', 97, 100],
    ]);
  });

  it('marks the dashboard’s own calls with X-Dashboard-Call: background, and not the user’s', async () => {
    const [background] = await headersSent(getUsage);
    const [asked] = await headersSent(() => verifyApiKey(KEY));
    expect(background?.get('x-dashboard-call')).toBe('background');
    expect(asked?.has('x-dashboard-call')).toBe(false);
  });

  it('keeps its own header to its own origin: another API would have to allow it in a CORS preflight', async () => {
    useCredentialsStore.getState().apiBaseChanged('https://api.example.com/api/v1');
    try {
      const [background] = await headersSent(getUsage);
      expect(background?.has('x-dashboard-call')).toBe(false);
      expect(background?.get('x-api-key')).toBe(KEY);
    } finally {
      useCredentialsStore.getState().apiBaseChanged('');
    }
  });

  it('keeps the burst beside the minute when the server sends it', async () => {
    server.use(
      api.get('/usage', () =>
        HttpResponse.json(usageFixture(), {
          headers: { ...rateLimitHeaders(28, 30), 'X-RateLimit-Burst-Limit': '5', 'X-RateLimit-Burst-Remaining': '3' },
        }),
      ),
    );
    await getUsage();
    expect(samplesOf(KEY).at(-1)).toMatchObject({ limit: 30, remaining: 28, burst: { limit: 5, remaining: 3 } });
  });

  it('leaves the meter alone for key-less calls and for the check of another key, and never stores a key', async () => {
    server.use(
      api.get('/sandbox/info', () => HttpResponse.json(sandboxInfoFixture(), { headers: rateLimitHeaders(498, 500) })),
      api.get('/usage', () => HttpResponse.json(usageFixture(), { headers: rateLimitHeaders(11, 30) })),
    );
    await getUsage();
    await request(sandboxInfoSchema, '/sandbox/info', { apiKey: null });
    const other = DEMO_KEY.basic;
    await verifyApiKey(other);

    expect(samplesOf(KEY).map((sample) => `${sample.path} ${sample.remaining}/${sample.limit}`)).toEqual([
      '/usage 11/30',
    ]);
    expect(samplesOf(other)).toEqual([]);
    expect(Object.keys(useRateLimitStore.getState().byKey)).toHaveLength(1);
    expect(JSON.stringify(useRateLimitStore.getState())).not.toContain(KEY);
  });

  it('turns an error envelope into an ApiError with everything the guidance needs, and records it', async () => {
    server.use(
      api.get('/usage', () =>
        HttpResponse.json(
          envelope('RATE_LIMIT_EXCEEDED', 'Too many', { retry_after: 12, details: { window: 'minute' } }),
          { status: 429, headers: { ...rateLimitHeaders(0, 30), 'Retry-After': '12' } },
        ),
      ),
    );
    const error = await caught(getUsage());
    expect(error).toMatchObject({
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Too many',
      retryAfter: 12,
      requestId: 'req_11111111-2222-4333-8444-555555555555',
      details: { window: 'minute' },
    });
    expect(error.headers['retry-after']).toBe('12');
    expect(samplesOf(KEY).at(-1)).toMatchObject({ status: 429, remaining: 0, retryAfter: 12 });
  });

  it('keeps the status when a body is not an envelope', async () => {
    server.use(http.get(`${API}/usage`, () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })));
    const error = await caught(getUsage());
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it('says so when a 200 does not match the contract', async () => {
    server.use(http.get(`${API}/usage`, () => HttpResponse.json({ plan: 'platinum' })));
    const error = await caught(getUsage());
    expect(error.code).toBe('UNEXPECTED_RESPONSE');
    expect(error.message).toContain('GET /usage');
  });

  it('reports an unreachable API as status 0 NETWORK_UNREACHABLE', async () => {
    server.use(http.get(`${API}/usage`, () => HttpResponse.error()));
    const error = await caught(getUsage());
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_UNREACHABLE' });
  });

  it('parses with the schema it is given', async () => {
    const result = await request(z.object({ plan: z.string() }), '/usage');
    expect(result.data).toEqual({ plan: 'growth' });
    expect(result.headers['x-ratelimit-remaining']).toBe('97');
  });
});
