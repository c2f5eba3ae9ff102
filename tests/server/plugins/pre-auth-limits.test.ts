import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_LIMITS } from '../../../contract/plans';
import { DEMO_KEY } from '../../support/demo-keys';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// Calls without an account are limited per address on the largest plan's numbers.
const { perMinute, burstPerSecond } = PLAN_LIMITS.high_volume;
const WRONG_KEY = 'sk_test_wrong000000000000000000000000000';

/** Spends a minute's allowance of `key` (null: key-less) on /usage, one burst a second. */
async function exhaust(key: string | null) {
  for (let second = 0; second < perMinute / burstPerSecond; second++) {
    await Promise.all(Array.from({ length: burstPerSecond }, () => server.call('/usage', { key })));
    server.app.clock.advance(1);
  }
  const refused = await server.call('/usage', { key });
  expect(refused.status).toBe(429);
  expect(((await refused.json()) as { details: { window: string } }).details.window).toBe('minute');
  expect(refused.headers.get('x-ratelimit-limit')).toBe(String(perMinute));
  expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
}

describe('the pre-auth limit', () => {
  it('puts wrong-key attempts in a bucket of their own: key-less calls and the first screen still answer', async () => {
    await exhaust(WRONG_KEY);

    const info = await server.call('/sandbox/info', { key: null });
    expect(info.status).toBe(200);
    expect((await server.call('/sandbox/info', { key: WRONG_KEY })).status).toBe(200);
    expect((await server.call('/usage', { key: null })).status).toBe(401);
    const token = await server.call('/auth/token', { method: 'POST', key: null, json: { api_key: DEMO_KEY.basic } });
    expect(token.status).toBe(200);
    expect((await server.call('/usage', { key: DEMO_KEY.basic })).status).toBe(200);
    // The revoked demo key is a wrong key too: it meets the spent bucket.
    expect((await server.call('/usage', { key: DEMO_KEY.revoked })).status).toBe(429);
  });

  it('still limits key-less calls, but never refuses GET /sandbox/info', async () => {
    server.app.clock.advance(60);
    await exhaust(null);

    expect((await server.call('/auth/token', { method: 'POST', key: null, json: {} })).status).toBe(429);
    for (let attempt = 0; attempt < burstPerSecond + 1; attempt++) {
      const info = await server.call('/sandbox/info', { key: null });
      expect(info.status).toBe(200);
      // It shows the bucket it would have been counted in, spent as it is.
      expect(info.headers.get('x-ratelimit-remaining')).toBe('0');
    }
  });
});
