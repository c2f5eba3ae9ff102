import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../../support/demo-keys';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ testClock: true });
});
afterAll(() => server.close());

async function envelope(response: Response) {
  return (await response.json()) as { error: string; message: string; detail: string; request_id: string };
}

describe('authentication', () => {
  it('answers 401 MISSING_API_KEY in the envelope when no key is sent', async () => {
    const response = await server.call('/usage', { key: null });
    expect(response.status).toBe(401);
    const body = await envelope(response);
    expect(body.error).toBe('MISSING_API_KEY');
    expect(body.detail).toBe(body.message);
    expect(body.request_id).toBe(response.headers.get('x-request-id'));
    expect(response.headers.get('x-ratelimit-limit')).not.toBeNull();
  });

  it.each([
    ['an unknown key', 'sk_test_unknown00000000000000000000000000'],
    ['a malformed key', 'not-a-key'],
    ['the revoked demo key', DEMO_KEY.revoked],
  ])('answers 401 INVALID_API_KEY for %s', async (_name, key) => {
    const response = await server.call('/usage', { key });
    expect(response.status).toBe(401);
    expect((await envelope(response)).error).toBe('INVALID_API_KEY');
  });

  it('accepts each working demo key', async () => {
    for (const key of [DEMO_KEY.free, DEMO_KEY.growth, DEMO_KEY.broke, DEMO_KEY.lapsed]) {
      expect((await server.call('/usage', { key })).status).toBe(200);
    }
  });

  it('stores keys hashed, never in plain text', () => {
    const rows = server.app.db.prepare('SELECT * FROM api_keys').all();
    expect(JSON.stringify(rows)).not.toContain(DEMO_KEY.growth);
    expect(JSON.stringify(rows)).not.toContain(DEMO_KEY.growth.slice(8, 30));
  });

  it('issues a bearer token that works until it expires, then says SESSION_EXPIRED', async () => {
    const issued = await server.call('/auth/token', { method: 'POST', key: null, json: { api_key: DEMO_KEY.growth } });
    expect(issued.status).toBe(200);
    const { token, expires_at } = (await issued.json()) as { token: string; expires_at: string };
    expect(Date.parse(expires_at)).toBeGreaterThan(Date.now());

    const bearer = { key: null, headers: { Authorization: `Bearer ${token}` } };
    const ok = await server.call('/usage', bearer);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { plan: string }).plan).toBe('growth');

    await server.call('/sandbox/clock', { method: 'POST', key: null, json: { advance_seconds: 3601 } });
    const expired = await server.call('/usage', bearer);
    expect(expired.status).toBe(401);
    expect((await envelope(expired)).error).toBe('SESSION_EXPIRED');
  });

  it('refuses a token for a revoked key and an unknown bearer token', async () => {
    const refused = await server.call('/auth/token', {
      method: 'POST',
      key: null,
      json: { api_key: DEMO_KEY.revoked },
    });
    expect(refused.status).toBe(401);
    expect((await envelope(refused)).error).toBe('INVALID_API_KEY');

    const unknown = await server.call('/usage', { key: null, headers: { Authorization: 'Bearer tok_nope' } });
    expect(unknown.status).toBe(401);
    expect((await envelope(unknown)).error).toBe('INVALID_API_KEY');
  });

  it('creates a fresh isolated account with POST /sandbox/keys', async () => {
    const key = await server.newKey('scale', 500);
    const usage = (await (await server.call('/usage', { key })).json()) as { plan: string; balance_credits: number };
    expect(usage).toMatchObject({ plan: 'scale', balance_credits: 500 });
  });
});
