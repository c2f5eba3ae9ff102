import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '../../../contract/envelope';
import { ECHO_LIMITS } from '../../../server/lib/bounded-echo';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Whatever was sent, an error answer stays this small. */
const MAX_ANSWER_BYTES = 8 * 1024;

async function refused(body: unknown) {
  const response = await server.call('/scrape', { method: 'POST', json: body });
  const text = await response.text();
  expect(response.status).toBe(400);
  expect(Buffer.byteLength(text)).toBeLessThan(MAX_ANSWER_BYTES);
  const envelope = errorEnvelopeSchema.parse(JSON.parse(text));
  expect(envelope.error).toBe('INVALID_REQUEST');
  return envelope.details as { field: string; issues: { field: string; message: string }[]; omitted_issues?: number };
}

describe('what a 400 echoes of a huge request', () => {
  it('cuts a 900 KB field name wherever it is echoed', async () => {
    const name = 'n'.repeat(900_000);
    const details = await refused({ url: 'https://example.com/', cookies: { [name]: 1 } });
    expect(details.field.startsWith('cookies.nnnn')).toBe(true);
    expect(details.field.length).toBeLessThan(ECHO_LIMITS.chars + 40);
    expect(details.issues).toHaveLength(1);
  });

  it('lists at most ECHO_LIMITS.items issues of 20,000 bad values, and says how many it left out', async () => {
    const details = await refused({ url: 'https://example.com/', formats: Array.from({ length: 20_000 }, () => 'x') });
    expect(details.issues).toHaveLength(ECHO_LIMITS.items);
    expect(details.issues[0]?.field).toBe('formats.0');
    expect(details.omitted_issues).toBe(20_000 - ECHO_LIMITS.items);
  });

  it('keeps a huge bad value of a documented field out of the answer', async () => {
    const details = await refused({ url: `https://example.com/${'p'.repeat(900_000)}` });
    expect(details.field).toBe('url');
  });
});
