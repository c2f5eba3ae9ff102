import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLogPageSchema } from '../../../contract/request-log';
import { usageSchema } from '../../../contract/usage';
import { DEMO_KEY } from '../../support/demo-keys';
import { startTestServer, type TestServer } from '../../support/test-server';
import { waitForJob } from '../../support/wait-for-job';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const usageOf = async (key: string) => usageSchema.parse(await (await server.call('/usage', { key })).json());

describe('GET /usage', () => {
  it('gives the plan, its limits and the balance as the sum of the ledger', async () => {
    const usage = await usageOf(DEMO_KEY.growth);
    expect(usage).toMatchObject({
      plan: 'growth',
      rate_limit: { per_minute: 100, burst_per_second: 20 },
      balance_credits: 100_000,
      subscription_status: 'active',
    });
    const ledgerSum = server.app.db
      .prepare(
        `SELECT sum(l.credits) AS total FROM ledger l JOIN api_keys k ON k.account_id = l.account_id
          WHERE k.key_last4 = ? AND k.account_id = (SELECT account_id FROM requests ORDER BY at DESC LIMIT 1)`,
      )
      .get(DEMO_KEY.growth.slice(-4)) as { total: number };
    expect(usage.balance_credits).toBe(ledgerSum.total);
    expect(Date.parse(usage.period_start)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(usage.period_end)).toBeGreaterThan(Date.now());
  });

  it('shows the demo accounts of the contract as seeded', async () => {
    expect(await usageOf(DEMO_KEY.free)).toMatchObject({ plan: 'free', balance_credits: 1000 });
    expect(await usageOf(DEMO_KEY.broke)).toMatchObject({ balance_credits: 2 });
    expect(await usageOf(DEMO_KEY.lapsed)).toMatchObject({ plan: 'basic', subscription_status: 'cancelled' });
    expect(await usageOf(DEMO_KEY.highVolume)).toMatchObject({ plan: 'high_volume', balance_credits: 1_000_000 });
  });
});

describe('the request log', () => {
  it('records every call of an account with method, path, status, code and duration', async () => {
    const key = await server.newKey();
    await server.call('/usage', { key });
    const missing = await server.call('/nowhere', { key });
    const missingId = missing.headers.get('x-request-id')!;

    const page = requestLogPageSchema.parse(await (await server.call('/requests', { key })).json());
    expect(page.requests.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'GET /api/v1/nowhere 404',
      'GET /api/v1/usage 200',
    ]);
    const [notFound, usage] = page.requests;
    expect(notFound).toMatchObject({ request_id: missingId, code: 'NOT_FOUND' });
    expect(usage).toMatchObject({ code: null, credits_charged: 0, credits_refunded: 0 });
    expect(usage!.duration_ms).toBeGreaterThanOrEqual(0);

    const one = await server.call(`/requests/${missingId}`, { key });
    expect(await one.json()).toMatchObject({ request_id: missingId, status: 404 });
  });

  it('filters by code and status and pages with a cursor', async () => {
    const key = await server.newKey('growth');
    for (let call = 0; call < 5; call++) await server.call('/usage', { key });
    await server.call('/missing', { key });

    const byCode = requestLogPageSchema.parse(await (await server.call('/requests?code=NOT_FOUND', { key })).json());
    expect(byCode.requests).toHaveLength(1);
    const byStatus = requestLogPageSchema.parse(await (await server.call('/requests?status=200', { key })).json());
    expect(byStatus.requests.every((entry) => entry.status === 200)).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/requests?limit=2${cursor ? `&cursor=${cursor}` : ''}&status=200`;
      const page = requestLogPageSchema.parse(await (await server.call(query, { key })).json());
      seen.push(...page.requests.map((entry) => entry.request_id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('never shows one account another account’s requests', async () => {
    const [owner, other] = [await server.newKey(), await server.newKey()];
    const response = await server.call('/usage', { key: owner });
    const requestId = response.headers.get('x-request-id')!;
    expect((await server.call(`/requests/${requestId}`, { key: other })).status).toBe(404);
    const page = requestLogPageSchema.parse(await (await server.call('/requests', { key: other })).json());
    expect(page.requests.map((entry) => entry.request_id)).not.toContain(requestId);
  });
});

describe('what the request log records of each call', () => {
  it('tells the dashboard’s background calls from the user’s by the header the dashboard sends', async () => {
    const key = await server.newKey('growth');
    const background = await server.call('/usage', { key, headers: { 'X-Dashboard-Call': 'background' } });
    const own = await server.call('/usage', { key });
    const other = await server.call('/usage', { key, headers: { 'X-Dashboard-Call': 'something-else' } });
    const [backgroundId, ownId, otherId] = [background, own, other].map((r) => r.headers.get('x-request-id')!);

    const page = async (query: string) =>
      requestLogPageSchema.parse(await (await server.call(`/requests?${query}`, { key })).json()).requests;
    expect((await page('origin=dashboard')).map((entry) => entry.request_id)).toEqual([backgroundId]);
    const users = await page('origin=user&path=/api/v1/usage');
    expect(users.map((entry) => entry.request_id)).toEqual([otherId, ownId]);
    expect(users.every((entry) => entry.origin === 'user')).toBe(true);
    expect((await page('')).map((entry) => entry.origin)).toContain('dashboard');
  });

  it('records the target’s host, and finds a job by the code it settled with after its 202', async () => {
    const key = await server.newKey('growth');
    const url = `${server.demoWebUrl}/premium`;
    const sync = await server.scrape(key, { url });
    expect(sync.status).toBe(402);
    const queued = await server.scrape(key, { url, sync: false });
    expect(queued.status).toBe(202);
    await waitForJob(server, key, queued.body.job_id!);

    const host = new URL(server.demoWebUrl).hostname;
    const page = async (query: string) =>
      requestLogPageSchema.parse(await (await server.call(`/requests?${query}`, { key })).json()).requests;
    const paywalled = await page('code=PAYWALL_DETECTED');
    expect(paywalled.map((entry) => [entry.status, entry.code, entry.domain])).toEqual([
      [202, 'PAYWALL_DETECTED', host],
      [402, 'PAYWALL_DETECTED', host],
    ]);
    expect((await page(`domain=${host.toUpperCase()}&method=POST`)).map((entry) => entry.request_id)).toEqual(
      paywalled.map((entry) => entry.request_id),
    );
    expect(await page('domain=elsewhere.example')).toEqual([]);
  });
});
