import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER } from '../../../contract/headers';
import { PLAN_LIMITS } from '../../../contract/plans';
import { usageSchema } from '../../../contract/usage';
import { sha256 } from '../../../server/lib/secrets';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const accountOf = (key: string) => {
  const found = server.app.accounts.findByKey(key);
  if (found.kind !== 'ok') throw new Error(`key is ${found.kind}`);
  return found.account;
};

describe('the key lookup every call makes', () => {
  it('is answered from memory once the key has been seen', async () => {
    const key = await server.newKey('free');
    expect((await server.call('/usage', { key })).status).toBe(200);
    expect(accountOf(key)).toBe(accountOf(key));
  });

  it('stops a revoked key on its very next call', async () => {
    const key = await server.newKey('free');
    expect((await server.call('/usage', { key })).status).toBe(200);

    expect(server.app.accounts.revokeKey(key)).toBe(true);
    const refused = await server.call('/usage', { key });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'INVALID_API_KEY', message: expect.stringMatching(/revoked/) });
    expect(server.app.accounts.revokeKey(key)).toBe(false);
  });

  it('shows a plan or subscription change on the account’s next call', async () => {
    const key = await server.newKey('free');
    const before = usageSchema.parse(await (await server.call('/usage', { key })).json());
    expect(before).toMatchObject({ plan: 'free', subscription_status: 'active' });

    server.app.accounts.updateAccount(accountOf(key).id, { plan: 'scale', subscriptionStatus: 'cancelled' });
    const response = await server.call('/usage', { key });
    expect(usageSchema.parse(await response.json())).toMatchObject({ plan: 'scale', subscription_status: 'cancelled' });
    expect(response.headers.get(HEADER.limit)).toBe(String(PLAN_LIMITS.scale.perMinute));
  });

  it('does not remember an unknown key, so one created afterwards works at once', async () => {
    const key = `sk_test_${'later'.padEnd(32, '0')}`;
    expect((await server.call('/usage', { key })).status).toBe(401);

    const owner = accountOf(await server.newKey('free'));
    server.app.db
      .prepare(
        `INSERT INTO api_keys (id, account_id, key_hash, key_last4, created_at) VALUES ('key_later', ?, ?, ?, 0)`,
      )
      .run(owner.id, sha256(key), key.slice(-4));
    expect((await server.call('/usage', { key })).status).toBe(200);
  });
});
