import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentUserSchema } from '../../../contract/current-user';
import { DEMO_KEY } from '../../support/demo-keys';
import { startTestServer, type TestServer } from '../../support/test-server';

// GET /auth/me as the browser extension calls it (with X-API-Key) and the MCP server types it (api-facts §2.4).
// The keys and the plans' figures are written out here, not read from the contract, so a change there shows up.
const MICROCENTS = 200; // a credit is $0.0002
const KEYS = [
  'id',
  'email',
  'name',
  'avatar_url',
  'created_at',
  'subscription_tier',
  'credits_remaining',
  'credits_total',
  'welcome_shown',
  'reduced_bonus',
  'tier_info',
];
const TIER_KEYS = [
  'name',
  'slug',
  'requests_per_minute',
  'concurrent_requests',
  'min_balance_usd',
  'max_balance_usd',
  'next_tier_slug',
  'next_tier_threshold_usd',
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function me(key: string) {
  const response = await server.call('/auth/me', { key });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(text).not.toContain(key);
  return { text, body: currentUserSchema.parse(JSON.parse(text)), raw: JSON.parse(text) as Record<string, unknown> };
}

describe('GET /auth/me', () => {
  it('answers a demo key with every key the clients read, and its plan as tier_info', async () => {
    const { body, raw } = await me(DEMO_KEY.growth);
    expect(Object.keys(raw).sort()).toEqual([...KEYS].sort());
    expect(Object.keys(raw.tier_info as object).sort()).toEqual([...TIER_KEYS].sort());
    expect(body).toMatchObject({
      name: 'Growth',
      avatar_url: null,
      subscription_tier: 'growth',
      welcome_shown: true,
      reduced_bonus: false,
      tier_info: {
        name: 'Growth',
        slug: 'growth',
        requests_per_minute: 100,
        concurrent_requests: 15,
        min_balance_usd: 50,
        max_balance_usd: 200,
        next_tier_slug: 'scale',
        next_tier_threshold_usd: 200,
      },
    });
    expect(body.id).toMatch(/^acct_/);
    expect(body.email).toMatch(/@sandbox\.invalid$/);
    expect(Date.parse(body.created_at)).toBeLessThanOrEqual(Date.now());
    expect(body.credits_remaining).toBe((await server.balance(DEMO_KEY.growth)) * MICROCENTS);
  });

  it('says the top plan has no next tier and no upper bound, and the first starts at nothing', async () => {
    expect((await me(DEMO_KEY.highVolume)).body.tier_info).toEqual({
      name: 'High Volume',
      slug: 'high_volume',
      requests_per_minute: 500,
      concurrent_requests: 50,
      min_balance_usd: 500,
      max_balance_usd: null,
      next_tier_slug: null,
      next_tier_threshold_usd: null,
    });
    expect((await me(DEMO_KEY.free)).body.tier_info).toMatchObject({
      min_balance_usd: 0,
      max_balance_usd: 5,
      next_tier_slug: 'basic',
    });
  });

  it('reports the balance and the deposits in microcents, as they move', async () => {
    const key = await server.newKey('basic', 10_000);
    await server.scrape(key, { url: `${server.demoWebUrl}/article` });
    expect((await me(key)).body).toMatchObject({
      subscription_tier: 'basic',
      credits_remaining: 9_999 * MICROCENTS,
      credits_total: 10_000 * MICROCENTS,
    });
  });

  it('answers a dashboard token like the key it was issued for', async () => {
    const issued = await server.call('/auth/token', { method: 'POST', key: null, json: { api_key: DEMO_KEY.scale } });
    const { token } = (await issued.json()) as { token: string };
    const response = await server.call('/auth/me', { key: null, headers: { Authorization: `Bearer ${token}` } });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(token);
    expect(currentUserSchema.parse(JSON.parse(text))).toEqual((await me(DEMO_KEY.scale)).body);
  });

  it('is a 401 envelope without a key, and with a revoked one', async () => {
    for (const [key, code] of [
      [null, 'MISSING_API_KEY'],
      [DEMO_KEY.revoked, 'INVALID_API_KEY'],
    ] as const) {
      const response = await server.call('/auth/me', { key });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: string; detail: string; message: string; request_id: string };
      expect(body).toMatchObject({ error: code, detail: body.message });
      expect(body.request_id).toBe(response.headers.get('x-request-id'));
      expect(body).not.toHaveProperty('email');
    }
  });

  it('shows each account only its own: another account’s id, name and credits never appear', async () => {
    const keyA = await server.newKey('free', 1_000);
    const keyB = await server.newKey('scale', 50);
    const [a, b] = [await me(keyA), await me(keyB)];
    expect(a.body.id).not.toBe(b.body.id);
    expect(a.body).toMatchObject({ subscription_tier: 'free', credits_remaining: 1_000 * MICROCENTS });
    expect(b.body).toMatchObject({ subscription_tier: 'scale', credits_remaining: 50 * MICROCENTS });
    expect(a.text).not.toContain(b.body.id);
    expect(b.text).not.toContain(a.body.id);
    expect(a.text).not.toContain(keyB);
    expect(b.text).not.toContain(keyA);
  });

  it('writes no key or token to the log', async () => {
    await me(DEMO_KEY.basic);
    const logs = server.logs();
    expect(logs).toContain('/api/v1/auth/me');
    for (const key of Object.values(DEMO_KEY)) expect(logs).not.toContain(key);
  });
});
