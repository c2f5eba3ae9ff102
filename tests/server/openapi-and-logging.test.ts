import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageSchema } from '../../contract/usage';
import { DEMO_KEY } from '../support/demo-keys';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the OpenAPI description', () => {
  it('describes the routes with the contract’s schemas', async () => {
    const response = await server.call('/openapi.json', { key: null });
    expect(response.status).toBe(200);
    const spec = (await response.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: { properties: object } }> }> }>
      >;
    };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/usage', '/api/v1/requests', '/api/v1/auth/token']),
    );
    const usage = spec.paths['/api/v1/usage']!.get!.responses['200']!.content['application/json']!.schema;
    expect(Object.keys(usage.properties).sort()).toEqual(Object.keys(usageSchema.shape).sort());
  });
});

describe('logging', () => {
  it('never writes an API key or a bearer token to the log', async () => {
    await server.call('/usage', { key: DEMO_KEY.free });
    await server.call('/usage?api_key=' + DEMO_KEY.growth, { key: null });
    const token = (await (
      await server.call('/auth/token', { method: 'POST', key: null, json: { api_key: DEMO_KEY.growth } })
    ).json()) as { token: string };
    await server.call('/usage', { key: null, headers: { Authorization: `Bearer ${token.token}` } });

    const logs = server.logs();
    expect(logs).toContain('/api/v1/usage'); // the calls were logged…
    expect(logs).toContain('[redacted]'); // …with their secrets censored
    expect(logs).not.toContain(DEMO_KEY.free);
    expect(logs).not.toContain(DEMO_KEY.growth);
    expect(logs).not.toContain(token.token);
  });
});
