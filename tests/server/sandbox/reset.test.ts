import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../../support/demo-keys';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('POST /sandbox/reset', () => {
  it('puts the data back as a new data dir has it: demo accounts only, nothing logged or charged', async () => {
    const fresh = await server.newKey('basic', 5000);
    const before = await server.balance(DEMO_KEY.growth);
    const scraped = await server.scrape(DEMO_KEY.growth, { url: `${server.demoWebUrl}/article` });
    expect(scraped.status).toBe(200);
    expect(await server.balance(DEMO_KEY.growth)).toBeLessThan(before);

    const response = await server.call('/sandbox/reset', { method: 'POST', key: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ reset: true, demo_accounts: 8 });

    // The key made before the reset is gone, even though it was just used (and so cached).
    const refused = await server.call('/usage', { key: fresh });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('INVALID_API_KEY');
    expect(await server.balance(DEMO_KEY.growth)).toBe(100_000);
    const log = (await (await server.call('/requests?limit=10')).json()) as { requests: unknown[] };
    // The balance read just above is the one call logged since.
    expect(log.requests.length).toBeLessThanOrEqual(1);
    expect((await server.call('/usage', { key: DEMO_KEY.revoked })).status).toBe(401);
  });

  it('keeps working after a reset: new keys, scrapes and a second reset', async () => {
    const key = await server.newKey('free', 100);
    expect((await server.scrape(key, { url: `${server.demoWebUrl}/article` })).status).toBe(200);
    expect((await server.call('/sandbox/reset', { method: 'POST', key: null })).status).toBe(200);
    expect(await server.balance(DEMO_KEY.free)).toBe(1000);
  });
});
