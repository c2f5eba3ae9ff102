import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const page = (path: string) => `${server.demoWebUrl}${path}`;

async function estimate(key: string, url: string) {
  const response = await server.call('/scrape/estimate', { method: 'POST', key, json: { url } });
  return (await response.json()) as { estimated_tier: string; confidence: string };
}

describe('one account’s scrapes never change another’s', () => {
  it('keeps each account’s cached answer: B’s run of the same request leaves A’s next call a free hit', async () => {
    const [a, b] = [await server.newKey('growth'), await server.newKey('growth')];
    const request = { url: page('/article'), cache: true, cache_ttl: 600 };

    expect((await server.scrape(a, request)).body).toMatchObject({ cached: false, billing: { total_credits: 1 } });
    // B's first run is B's own miss, never A's cached answer…
    expect((await server.scrape(b, request)).body).toMatchObject({ cached: false, billing: { total_credits: 1 } });
    // …and it leaves A's entry where it was.
    expect((await server.scrape(a, request)).body).toMatchObject({ cached: true, billing: { total_credits: 0 } });
    expect((await server.scrape(b, request)).body).toMatchObject({ cached: true, billing: { total_credits: 0 } });
    expect([await server.balance(a), await server.balance(b)]).toEqual([999, 999]);
  });

  it('quotes each account from its own runs: A’s tier-2 success does not move B’s estimate', async () => {
    const [a, b] = [await server.newKey('growth'), await server.newKey('growth')];
    const url = page('/headers-check');
    expect((await server.scrape(a, { url })).body.billing?.tier_used).toBe('2');

    expect(await estimate(a, url)).toMatchObject({ estimated_tier: '2', confidence: 'high' });
    expect(await estimate(b, url)).toMatchObject({ estimated_tier: '1', confidence: 'low' });
    // B pays for B's own first run at tier 1, then tier 2, like any first visit.
    const first = await server.scrape(b, { url });
    expect(first.body.billing?.escalations?.map((step) => step.tier)).toEqual(['1', '2']);
  });
});
