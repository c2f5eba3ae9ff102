import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../server/config';
import secretsKey from '../../../server/plugins/secrets-key';
import { waitForJob } from '../../support/wait-for-job';
import { createSession, sessionCall, validateSession } from '../../support/sessions';
import { startTestServer, type TestServer } from '../../support/test-server';

// Values no name, URL or other column could hold by chance: found anywhere, they leaked.
const SECRETS = {
  cookie: 'zqx7cookie1a9f3e',
  header: 'zqx7header5b2c81',
  patched: 'zqx7patched9d0e4',
  refreshed: 'valid',
};

const dataDir = mkdtempSync(path.join(tmpdir(), 'sessions-at-rest-'));
let server: TestServer;
let key: string;
beforeAll(async () => {
  server = await startTestServer({ dataDir });
  key = await server.newKey('growth');
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const files = () => ['sandbox.db', 'sandbox.db-wal'].map((name) => path.join(dataDir, name)).filter(existsSync);
const leaks = (values: string[]) =>
  files().flatMap((file) =>
    values.filter((value) => readFileSync(file).includes(value)).map((value) => `${file}: ${value}`),
  );

describe('cookie and header values at rest', () => {
  it('are found in neither the SQLite file nor its WAL, nor any answer or log line, whatever was done with them', async () => {
    const session = await createSession(server, key, {
      name: 'At rest',
      domain: `${server.demoWebUrl}/members`,
      cookies: { sid: SECRETS.cookie },
      headers: { 'X-Account': SECRETS.header },
    });
    await sessionCall(server, key, `/${session.id}`, { method: 'PATCH', json: { cookies: { sid: SECRETS.patched } } });
    const refreshed = await sessionCall(server, key, `/${session.id}/refresh`, {
      method: 'POST',
      json: { cookies: { demo_session: SECRETS.refreshed, extra: SECRETS.cookie } },
    });
    const validation = await validateSession(server, key, session.id);
    expect(validation.body.is_valid).toBe(true);
    const url = `${server.demoWebUrl}/members`;
    const sync = await server.scrape(key, { url, session_id: session.id });
    expect(sync.status).toBe(200);
    const queued = await server.scrape(key, { url, session_id: session.id, sync: false });
    expect((await waitForJob(server, key, queued.body.job_id!)).job.status).toBe('succeeded');

    expect(files()).toHaveLength(2);
    // The search finds what is stored in clear (a header's name), so finding no value means there is none.
    expect(leaks(['X-Account'])).not.toEqual([]);
    const values = [SECRETS.cookie, SECRETS.header, SECRETS.patched];
    expect(leaks(values)).toEqual([]);
    const answers = JSON.stringify([refreshed.body, validation.body, await sessionCall(server, key, '')]);
    expect(values.filter((value) => answers.includes(value) || server.logs().includes(value))).toEqual([]);
  });

  it('sits beside a 32-byte key file readable by its owner only', () => {
    const keyFile = path.join(dataDir, 'secrets.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(keyFile).size).toBe(32);
  });

  it('still opens after a restart on the same data dir, with the same key', async () => {
    const keyBefore = readFileSync(path.join(dataDir, 'secrets.key'));
    const session = await createSession(server, key, {
      name: 'Survivor',
      domain: '127.0.0.1',
      cookies: { demo_session: 'valid' },
    });
    await server.close();
    // Closed, the WAL is folded into the file: still nothing to find there.
    expect(leaks([SECRETS.cookie, SECRETS.header, SECRETS.patched])).toEqual([]);

    server = await startTestServer({ dataDir });
    expect(readFileSync(path.join(dataDir, 'secrets.key')).equals(keyBefore)).toBe(true);
    // The demo web came back on another port: point the check there, then let the stored cookie sign in.
    const moved = await sessionCall(server, key, `/${session.id}`, {
      method: 'PATCH',
      json: { check_url: `${server.demoWebUrl}/members` },
    });
    expect(moved.status).toBe(200);
    expect((await validateSession(server, key, session.id)).body).toMatchObject({ is_valid: true });
  });
});

describe('the key file', () => {
  it('stops start-up when it is not a 32-byte key, rather than making a new one that opens nothing', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'sessions-bad-key-'));
    writeFileSync(path.join(broken, 'secrets.key'), 'short');
    const app = Fastify();
    app.decorate('config', testConfig({ dataDir: broken }));
    await expect(app.register(secretsKey).ready()).rejects.toThrow(/not a 32-byte key/);
    await app.close();
    rmSync(broken, { recursive: true, force: true });
  });
});
