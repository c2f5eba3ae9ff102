import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '../../../contract/envelope';
import { DEMO_KEY } from '../../support/demo-keys';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('doc_url on every error envelope', () => {
  it.each([
    ['an unknown key', '/usage', { key: DEMO_KEY.revoked }, 'INVALID_API_KEY'],
    ['no route', '/nowhere', {}, 'NOT_FOUND'],
    ['a bad field', '/scrape', { method: 'POST', json: { url: 'not a url' } }, 'INVALID_REQUEST'],
  ] as const)('%s: the dashboard’s page for the code, on the host the call came to', async (_, path, init, code) => {
    const response = await server.call(path, init);
    const body = errorEnvelopeSchema.parse(await response.json());
    expect(body.error).toBe(code);
    expect(body.doc_url).toBe(`${new URL(server.api).origin}/errors/${code}`);
    // The page it points at is the dashboard's own route for the code.
    expect(new URL(body.doc_url!).pathname).toBe(`/errors/${code}`);
  });

  it('is on a scrape failure too, beside its billing', async () => {
    const failed = await server.scrape(DEMO_KEY.growth, { url: `${server.demoWebUrl}/premium` });
    expect(failed.body).toMatchObject({
      error: 'PAYWALL_DETECTED',
      billing: { refunded: true },
      doc_url: `${new URL(server.api).origin}/errors/PAYWALL_DETECTED`,
    });
  });
});
