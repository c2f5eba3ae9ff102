import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '../../../contract/envelope';
import { PLAN_LIMITS } from '../../../contract/plans';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function envelopeOf(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = errorEnvelopeSchema.parse(await response.json());
  expect(body.error).toBe(code);
  expect(response.headers.get('x-request-id')).toBe(body.request_id);
  return body;
}

describe('every envelope carries the headers', () => {
  it.each(['/nope', '/api/v2/usage', '/assets/missing.js'])(
    'a 404 outside /api/v1 (%s) has its request id',
    async (path) => {
      const response = await fetch(`${server.api.replace('/api/v1', '')}${path}`, { method: 'POST' });
      await envelopeOf(response, 404, 'NOT_FOUND');
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    },
  );

  it.each([
    ['a malformed escape', '/jobs/%zz'],
    ['a path parameter over the router’s length limit', `/requests/${'r'.repeat(150)}`],
  ])('a bad path parameter, %s, has the request id and the caller’s bucket', async (_case, path) => {
    const key = await server.newKey('free');
    const response = await server.call(path, { key });
    const body = await envelopeOf(response, 400, 'INVALID_REQUEST');
    expect(body.details).toMatchObject({ field: 'path' });
    expect(response.headers.get('x-ratelimit-limit')).toBe(String(PLAN_LIMITS.free.perMinute));
    expect(response.headers.get('x-ratelimit-reset')).toMatch(/^\d{10}$/);
  });

  it('a 404 inside /api/v1, with or without a key, has both', async () => {
    for (const key of [undefined, null]) {
      const response = await server.call('/no-such-route', { key });
      await envelopeOf(response, 404, 'NOT_FOUND');
      expect(response.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    }
  });
});
