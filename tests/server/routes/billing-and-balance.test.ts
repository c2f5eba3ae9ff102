import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingBalanceSchema, billingUsageSchema } from '../../../contract/billing';
import { usageSchema } from '../../../contract/usage';
import { startTestServer, type TestServer } from '../../support/test-server';

// One conversion, written out here rather than imported, so a change to contract/money.ts shows up as a failure:
// a credit is $0.0002, 200 microcents.
const MICROCENTS = 200;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const page = (path: string) => `${server.demoWebUrl}${path}`;
const get = async (path: string, key: string) => (await server.call(path, { key })).json();

describe('what the official clients read of an account', () => {
  it('GET /usage: their keys beside ours, in one conversion', async () => {
    const key = await server.newKey('basic', 10_000);
    await server.scrape(key, { url: page('/article') });
    const usage = usageSchema.parse(await get('/usage', key));
    expect(usage).toMatchObject({
      balance_credits: 9_999,
      credits_available: 9_999 * MICROCENTS,
      balance_dollars: 1.9998,
      credits_used: 1 * MICROCENTS,
      credits_limit: 10_000 * MICROCENTS,
      subscription_tier: 'basic',
      requests_count: usage.requests_month,
      billing_period_start: usage.period_start,
      billing_period_end: usage.period_end,
    });
  });

  it('GET /billing/balance: microcents, the display the header shows, deposits and net spend in cents', async () => {
    const key = await server.newKey('growth', 100_000);
    await server.scrape(key, { url: page('/article') });
    await server.scrape(key, { url: page('/premium') }); // charged and refunded: spends nothing
    const response = await server.call('/billing/balance', { key });
    expect(billingBalanceSchema.parse(await response.json())).toEqual({
      balance_microcents: 99_999 * MICROCENTS,
      balance_display: '$19.9998',
      total_deposited_cents: 2_000,
      total_spent_cents: 0.02,
    });
    expect(response.headers.get('X-AlterLab-Balance')).toBe('$19.9998');
  });

  it('GET /billing/usage: net credits by day, week and month, scrapes, and the hosts that cost the most', async () => {
    const key = await server.newKey('growth', 1_000);
    await server.scrape(key, { url: page('/article') });
    await server.scrape(key, { url: page('/headers-check') });
    await server.scrape(key, { url: 'http://unreachable.invalid/' }); // refunded in full
    await server.call('/usage', { key }); // a call, not a scrape
    const usage = billingUsageSchema.parse(await get('/billing/usage', key));
    expect(usage).toMatchObject({
      today_credits: 3,
      this_week_credits: 3,
      this_month_credits: 3,
      total_credits: 3,
      today_requests: 3,
      this_week_requests: 3,
      top_domains: [
        { domain: '127.0.0.1', credits_used: 3, requests: 2 },
        { domain: 'unreachable.invalid', credits_used: 0, requests: 1 },
      ],
    });
    expect(Date.parse(usage.usage_since!)).toBeLessThanOrEqual(Date.now());
  });
});

describe('the balance headers', () => {
  it('are on every answer to a known key, errors included, and on none without one', async () => {
    const key = await server.newKey('growth', 100_000);
    for (const [path, init, status] of [
      ['/usage', {}, 200],
      ['/jobs/no-such-job', {}, 404],
      ['/scrape', { method: 'POST', json: { url: 'ftp://x' } }, 400],
    ] as const) {
      const response = await server.call(path, { key, ...init });
      expect({ status: response.status, balance: response.headers.get('X-AlterLab-Balance') }).toEqual({
        status,
        balance: '$20.00',
      });
    }
    const anonymous = await server.call('/usage', { key: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.has('X-AlterLab-Balance')).toBe(false);
  });

  it('warn at the MCP server’s thresholds: under $0.50 low, under $0.10 critical, nothing left exhausted', async () => {
    const levels: Record<number, string | null> = {};
    for (const credits of [2_500, 2_499, 500, 499, 1, 0]) {
      const response = await server.call('/usage', { key: await server.newKey('free', credits) });
      levels[credits] = response.headers.get('X-AlterLab-Balance-Warning');
    }
    expect(levels).toEqual({ 2500: null, 2499: 'low', 500: 'low', 499: 'critical', 1: 'critical', 0: 'exhausted' });
  });

  it('show the balance after the call’s own charge', async () => {
    const key = await server.newKey('free', 2_500);
    const response = await server.call('/scrape', { method: 'POST', key, json: { url: page('/article') } });
    expect(response.headers.get('X-AlterLab-Balance')).toBe('$0.4998');
    expect(response.headers.get('X-AlterLab-Balance-Warning')).toBe('low');
  });
});
