import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxInfoSchema } from '../../../contract/sandbox';
import { DEMO_KEY } from '../../support/demo-keys';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /sandbox/info', () => {
  it('names each demo account by its plan and the failure it shows', async () => {
    const info = sandboxInfoSchema.parse(await (await server.call('/sandbox/info', { key: null })).json());
    const nameOf = (key: string) => info.demo_accounts.find((account) => account.key === key)?.name;
    expect(nameOf(DEMO_KEY.broke)).toBe('Free — out of credits');
    expect(nameOf(DEMO_KEY.lapsed)).toBe('Basic — subscription cancelled');
    expect(nameOf(DEMO_KEY.revoked)).toBe('Revoked key');
    expect(nameOf(DEMO_KEY.free)).toBe('Free');
    expect(nameOf(DEMO_KEY.highVolume)).toBe('High Volume');
    // No two accounts share a name.
    expect(new Set(info.demo_accounts.map((account) => account.name)).size).toBe(info.demo_accounts.length);
  });
});
