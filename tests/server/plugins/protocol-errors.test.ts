import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '../../../contract/envelope';
import { PLAN_LIMITS } from '../../../contract/plans';
import { DEMO_KEY } from '../../support/demo-keys';
import { rawRequest, type RawAnswer } from '../../support/raw-http';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const send = (raw: string) => rawRequest(server.api, raw);

function expectEnvelope(answer: RawAnswer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toContain('application/json');
  expect(answer.headers.connection).toBe('close');
  const body = errorEnvelopeSchema.parse(JSON.parse(answer.body));
  expect(body.error).toBe(code);
  expect(body.request_id).toMatch(/^req_/);
  expect(answer.headers['x-request-id']).toBe(body.request_id);
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
  return body;
}

describe('requests Node’s HTTP parser refuses, before Fastify sees them', () => {
  it.each([
    ['bad header bytes', 'GET /api/v1/usage HTTP/1.1\r\nHost: x\r\nX-Bad\u0001: y\r\n\r\n', 'headers'],
    [
      'a bad Content-Length',
      'POST /api/v1/scrape HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'content-length',
    ],
    ['an unknown method', 'FROB /api/v1/usage HTTP/1.1\r\nHost: x\r\n\r\n', 'method'],
    ['headers over 16 KB', `GET /api/v1/usage HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 'headers'],
  ])('answer %s in the envelope, with the headers, and close', async (_case, raw, field) => {
    const answer = await send(raw);
    const body = expectEnvelope(answer, 400, 'INVALID_REQUEST');
    expect(body.details).toMatchObject({ field });
    expect(answer.headers['x-ratelimit-limit']).toMatch(/^\d+$/);
    expect(answer.headers['x-ratelimit-reset']).toMatch(/^\d{10}$/);
    expect(answer.closed).toBe(true);
  });

  it('shows the sending key’s own bucket, without counting the refused call in it', async () => {
    const key = await server.newKey('free');
    const head = `GET /api/v1/usage HTTP/1.1\r\nHost: x\r\nX-API-Key: ${key}\r\n`;
    const first = await send(`${head}X-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const second = await send(`${head}X-Bad\u0001: y\r\n\r\n`);
    expect(first.headers['x-ratelimit-limit']).toBe(String(PLAN_LIMITS.free.perMinute));
    expect(second.headers['x-ratelimit-remaining']).toBe(String(PLAN_LIMITS.free.perMinute));
    // The key's first real call is still the first counted.
    const counted = await server.call('/usage', { key });
    expect(counted.headers.get('x-ratelimit-remaining')).toBe(String(PLAN_LIMITS.free.perMinute - 1));
  });

  it('answers outside /api/v1 with the request id and no rate-limit headers', async () => {
    const answer = await send('GET /dashboard HTTP/1.1\r\nHost: x\r\nX-Bad\u0001: y\r\n\r\n');
    expectEnvelope(answer, 400, 'INVALID_REQUEST');
    expect(answer.headers['x-ratelimit-limit']).toBeUndefined();
  });

  it('never writes the key of a refused request to the log', async () => {
    await send(`GET /api/v1/usage?api_key=${DEMO_KEY.scale} HTTP/1.1\r\nHost: x\r\nX-Bad\u0001: y\r\n\r\n`);
    expect(server.logs()).toContain('request refused by the HTTP parser');
    expect(server.logs()).not.toContain(DEMO_KEY.scale);
  });
});

describe('a body the API will not read', () => {
  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE before reading it, and closes', async () => {
    const head = `POST /api/v1/scrape HTTP/1.1\r\nHost: x\r\nX-API-Key: ${DEMO_KEY.growth}\r\n`;
    const answer = await send(`${head}Content-Type: application/json\r\nContent-Length: 2097152\r\n\r\n{`);
    const body = expectEnvelope(answer, 413, 'PAYLOAD_TOO_LARGE');
    expect(body.details).toMatchObject({ field: 'body', limit_bytes: 1024 * 1024 });
    expect(answer.headers['x-ratelimit-limit']).toMatch(/^\d+$/);
  });

  it('answers a body that is not JSON with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await server.call('/auth/token', {
      method: 'POST',
      key: null,
      headers: { 'Content-Type': 'application/xml' },
      body: '<api_key>sk</api_key>',
    });
    expect(response.status).toBe(415);
    const body = errorEnvelopeSchema.parse(await response.json());
    expect(body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(response.headers.get('x-request-id')).toBe(body.request_id);
    expect(response.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
  });
});
