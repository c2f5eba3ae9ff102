import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';

// The demo web's exception, through POST /scrape: its exact host and port pass, its port on any other
// loopback name or address does not, and a refusal costs nothing.
let server: TestServer;
let demoPort = '';
beforeAll(async () => {
  server = await startTestServer();
  demoPort = new URL(server.demoWebUrl).port;
});
afterAll(() => server.close());

describe('the demo web exception', () => {
  it('lets the demo web itself through', async () => {
    const key = await server.newKey('free', 1000);
    const { status } = await server.scrape(key, { url: `${server.demoWebUrl}/article` });
    expect(status).toBe(200);
  });

  it.each(['127.0.0.2', 'localhost', '[::1]', '[::127.0.0.1]', '[::ffff:127.0.0.1]', '0.0.0.0'])(
    'refuses %s on the demo web’s port, uncharged',
    async (host) => {
      const key = await server.newKey('free', 1000);
      const { status, body } = await server.scrape(key, { url: `http://${host}:${demoPort}/article` });
      expect({ status, code: body.error, billing: body.billing }).toEqual({
        status: 400,
        code: 'INVALID_REQUEST',
        billing: undefined,
      });
      expect(await server.balance(key)).toBe(1000);
    },
  );
});
