import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '../../../contract/envelope';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, async (api) => {
    // Only this test registers it: a handler that throws, to prove no stack trace leaves the server.
    api.get('/__throws', async () => {
      throw new Error('database exploded at /srv/app/secret-path.ts:42');
    });
  });
});
afterAll(() => server.close());

async function expectEnvelope(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = errorEnvelopeSchema.parse(await response.json());
  expect(body.error).toBe(code);
  expect(body.request_id).toBe(response.headers.get('x-request-id'));
  expect(response.headers.get('x-ratelimit-remaining')).not.toBeNull();
  return body;
}

describe('the error envelope', () => {
  it('answers an unknown route with 404 NOT_FOUND', async () => {
    await expectEnvelope(await server.call('/no-such-thing'), 404, 'NOT_FOUND');
    await expectEnvelope(await server.call('/no-such-thing', { key: null }), 404, 'NOT_FOUND');
  });

  it('answers malformed JSON with 400 INVALID_REQUEST naming the body', async () => {
    const response = await server.call('/auth/token', {
      method: 'POST',
      key: null,
      headers: { 'Content-Type': 'application/json' },
      body: '{"api_key": ',
    });
    const body = await expectEnvelope(response, 400, 'INVALID_REQUEST');
    expect(body.details).toMatchObject({ field: 'body' });
  });

  it('answers a bad field with 400 INVALID_REQUEST naming the field', async () => {
    const response = await server.call('/auth/token', { method: 'POST', key: null, json: { api_key: 'nope' } });
    const body = await expectEnvelope(response, 400, 'INVALID_REQUEST');
    expect(body.details).toMatchObject({ field: 'api_key' });
    expect(body.details?.issues).toEqual([expect.objectContaining({ field: 'api_key' })]);
  });

  it('names a bad query parameter', async () => {
    const body = await expectEnvelope(await server.call('/requests?status=abc'), 400, 'INVALID_REQUEST');
    expect(body.details).toMatchObject({ field: 'status' });
  });

  it('answers an exception with 500 INTERNAL_ERROR and no stack trace or internal text', async () => {
    const response = await server.call('/__throws');
    const text = await response.clone().text();
    await expectEnvelope(response, 500, 'INTERNAL_ERROR');
    expect(text).not.toMatch(/exploded|secret-path|\bat \S+:\d+|stack/i);
    expect(server.logs()).toContain('database exploded');
  });
});

describe('requests Fastify cannot route', () => {
  it('answers a malformed URL in the envelope too', async () => {
    const response = await server.call('/jobs/%zz');
    expect(response.status).toBe(400);
    const body = errorEnvelopeSchema.parse(await response.json());
    expect(body.error).toBe('INVALID_REQUEST');
    expect(body.request_id).toBe(response.headers.get('x-request-id'));
  });
});
