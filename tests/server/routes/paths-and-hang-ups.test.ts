import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLogPageSchema, type RequestLogEntry } from '../../../contract/request-log';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const page = (path: string) => `${server.demoWebUrl}${path}`;

describe('a path with a trailing slash', () => {
  it('answers like the path without one, parameters included', async () => {
    const key = await server.newKey('growth');
    const { body } = await server.scrape(key, { url: page('/article'), sync: false });
    for (const path of ['/usage', '/billing/balance', `/jobs/${body.job_id}`, `/requests/${body.request_id}`]) {
      const [bare, slashed] = await Promise.all([server.call(path, { key }), server.call(`${path}/`, { key })]);
      expect({ path, status: slashed.status }).toEqual({ path, status: bare.status });
      expect(bare.status).toBe(200);
    }
    const posted = await server.call('/scrape/', { method: 'POST', key, json: { url: page('/article') } });
    expect(posted.status).toBe(200);
  });
});

describe('a scrape whose client hung up', () => {
  it('is still in the request log, with what it was charged', async () => {
    const key = await server.newKey('growth', 1_000);
    const hangUp = new AbortController();
    const call = server.call('/scrape', {
      method: 'POST',
      key,
      json: { url: page('/slow?ms=1500') },
      signal: hangUp.signal,
    });
    // Once the sandbox has the request (its hold is set), the client goes away.
    await expect.poll(() => server.app.db.prepare('SELECT count(*) AS n FROM holds').get()).toEqual({ n: 1 });
    hangUp.abort();
    await expect(call).rejects.toThrow();

    const logged = async () => {
      const response = await server.call('/requests?limit=5', { key });
      const { requests } = requestLogPageSchema.parse(await response.json());
      return requests.find((entry: RequestLogEntry) => entry.path === '/api/v1/scrape') ?? null;
    };
    await expect.poll(logged, { timeout: 10_000 }).toMatchObject({
      method: 'POST',
      status: 200,
      credits_charged: 1,
      credits_refunded: 0,
      tier: '1',
      url: page('/slow?ms=1500'),
    });
    expect(await server.balance(key)).toBe(999);
  });
});
