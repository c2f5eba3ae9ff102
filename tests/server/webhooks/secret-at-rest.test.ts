import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';
import { startReceiver } from './receiver';

const dataDir = mkdtempSync(path.join(tmpdir(), 'webhook-secret-at-rest-'));
let server: TestServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
  server = await startTestServer({ dataDir, webhookAllowedOrigins: [receiver.origin] });
});
afterAll(async () => {
  await server.close();
  await receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const stored = () =>
  ['sandbox.db', 'sandbox.db-wal']
    .map((name) => path.join(dataDir, name))
    .filter(existsSync)
    .map((file) => readFileSync(file));

describe('a webhook secret at rest', () => {
  it('is found neither in the SQLite file nor its WAL, nor in any log line, before or after a rotation', async () => {
    const key = await server.newKey('growth');
    const created = await server.call('/user-webhooks', {
      method: 'POST',
      key,
      json: { url: receiver.url, events: ['job.completed'] },
    });
    const { id, secret } = (await created.json()) as { id: string; secret: string };
    const rotated = (await (
      await server.call(`/user-webhooks/${id}/rotate-secret`, { method: 'POST', key })
    ).json()) as { secret: string };
    // The search finds what is stored in clear (the URL), so finding no secret means there is none.
    expect(stored().some((bytes) => bytes.includes(receiver.url))).toBe(true);
    for (const value of [secret, rotated.secret]) {
      expect(stored().some((bytes) => bytes.includes(value))).toBe(false);
      expect(server.logs()).not.toContain(value);
    }
  });
});
