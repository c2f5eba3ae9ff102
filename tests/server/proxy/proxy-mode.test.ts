import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../../support/demo-keys';
import { startTestServer, type TestServer } from '../../support/test-server';

// The real API, played by a second sandbox without its own routes; the first proxies to it as UPSTREAM_API.
let upstream: TestServer;
let proxy: TestServer;
beforeAll(async () => {
  upstream = await startTestServer({ sandboxRoutes: false });
  proxy = await startTestServer({ upstreamApi: upstream.api.replace(/\/api\/v1$/, '') });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

describe('UPSTREAM_API: the dashboard server as a proxy', () => {
  it('passes an API call through unchanged, answer and rate-limit headers included', async () => {
    const response = await proxy.call('/usage', { key: DEMO_KEY.growth });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
    const body = (await response.json()) as { balance_credits: number };
    expect(body.balance_credits).toBe(await upstream.balance(DEMO_KEY.growth));
  });

  it('passes a refusal through as the upstream gave it', async () => {
    const response = await proxy.call('/usage', { key: DEMO_KEY.revoked });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe('INVALID_API_KEY');
  });

  it('answers the sandbox-only routes with the upstream 404, as the real API does', async () => {
    const info = await proxy.call('/sandbox/info', { key: null });
    expect(info.status).toBe(404);
    const keys = await proxy.call('/sandbox/keys', { method: 'POST', key: null, json: {} });
    expect(keys.status).toBe(404);
    expect((await proxy.call('/sandbox/reset', { method: 'POST', key: null })).status).toBe(404);
    const faults = await proxy.call('/sandbox/faults', { method: 'POST', json: { status: 503 } });
    expect(faults.status).toBe(404);
  });

  it('keeps the sandbox routes of a sandbox that has them', async () => {
    // The switch that makes the upstream play the real API must not be on by default.
    const plain = await startTestServer();
    try {
      expect((await plain.call('/sandbox/info', { key: null })).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});
