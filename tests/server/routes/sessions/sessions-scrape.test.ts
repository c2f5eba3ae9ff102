import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogPage } from '../../../../contract/request-log';
import { createSession, sessionCall } from '../../../support/sessions';
import { startTestServer, type TestServer } from '../../../support/test-server';
import { waitForJob } from '../../../support/wait-for-job';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const members = () => `${server.demoWebUrl}/members`;
const demoSession = (key: string, value = 'valid', extra: Record<string, unknown> = {}) =>
  createSession(server, key, { name: 'Demo', domain: members(), cookies: { demo_session: value }, ...extra });

describe('scraping with a stored session', () => {
  it('gets past the login wall, top level or under advanced, and counts each use', async () => {
    const key = await server.newKey('growth');
    const session = await demoSession(key);

    const top = await server.scrape(key, { url: members(), session_id: session.id });
    expect(top.status).toBe(200);
    expect(top.body.title).toBe('Members area');
    // Personal answers are never cached: the same request again is fetched again, and charged.
    const advanced = await server.scrape(key, { url: members(), advanced: { session_id: session.id }, cache: true });
    expect(advanced.body).toMatchObject({ title: 'Members area', cached: false });
    const queued = await server.scrape(key, { url: members(), session_id: session.id, sync: false });
    expect((await waitForJob(server, key, queued.body.job_id!)).job.status).toBe('succeeded');

    const read = await sessionCall(server, key, `/${session.id}`);
    expect(read.body).toMatchObject({ total_requests: 3, successful_requests: 3, success_rate: 1 });
    expect(read.body.last_used_at).not.toBeNull();

    const log = (await (await server.call(`/requests?session=${session.id}`, { key })).json()) as RequestLogPage;
    expect(log.requests.map((entry) => [entry.path, entry.status, entry.session_id])).toEqual([
      ['/api/v1/scrape', 202, session.id],
      ['/api/v1/scrape', 200, session.id],
      ['/api/v1/scrape', 200, session.id],
    ]);
    const all = (await (await server.call('/requests', { key })).json()) as RequestLogPage;
    expect(all.requests.find((entry) => entry.path === `/api/v1/sessions/${session.id}`)?.session_id).toBeNull();
  });

  it('counts a scrape its session no longer signs in as a failed use', async () => {
    const key = await server.newKey('growth');
    const session = await demoSession(key, 'stale');
    const wall = await server.scrape(key, { url: members(), session_id: session.id });
    expect([wall.status, wall.body.error]).toEqual([401, 'REQUIRES_AUTH']);
    expect((await sessionCall(server, key, `/${session.id}`)).body).toMatchObject({
      total_requests: 1,
      successful_requests: 0,
      success_rate: 0,
    });
  });
});

describe('refusals before anything is charged', () => {
  it('answers each session code, and the balance stays where it was', async () => {
    const key = await server.newKey('growth', 1000);
    const live = await demoSession(key);
    const deleted = await demoSession(key);
    await sessionCall(server, key, `/${deleted.id}`, { method: 'DELETE' });
    const expired = await demoSession(key, 'valid', { expires_at: '2020-01-01T00:00:00Z' });
    const localhost = members().replace('127.0.0.1', 'localhost');

    const cases: [body: Record<string, unknown>, status: number, code: string][] = [
      [{ url: members(), session_id: randomUUID() }, 404, 'SESSION_NOT_FOUND'],
      [{ url: members(), session_id: deleted.id }, 410, 'SESSION_INACTIVE'],
      [{ url: members(), session_id: expired.id }, 410, 'SESSION_EXPIRED'],
      [{ url: localhost, session_id: live.id }, 400, 'SESSION_DOMAIN_MISMATCH'],
      [{ url: 'https://example.com/', advanced: { session_id: live.id } }, 400, 'SESSION_DOMAIN_MISMATCH'],
      [{ url: members(), session_id: live.id, cookies: { demo_session: 'valid' } }, 400, 'SESSION_COOKIES_CONFLICT'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await server.scrape(key, body);
      expect([answer.status, answer.body.error], JSON.stringify(body)).toEqual([status, code]);
    }
    const mismatch = await server.scrape(key, { url: localhost, session_id: live.id });
    expect(mismatch.body.details).toMatchObject({ session_domain: '127.0.0.1', url_host: 'localhost' });
    const gone = await server.scrape(key, { url: members(), session_id: expired.id });
    expect(gone.body.details).toMatchObject({ session_id: expired.id, expires_at: '2020-01-01T00:00:00.000Z' });

    expect(await server.balance(key)).toBe(1000);
    expect((await sessionCall(server, key, `/${live.id}`)).body.total_requests).toBe(0);
  });

  it('refuses a session that three failed checks expired', async () => {
    const key = await server.newKey('growth');
    const session = await demoSession(key, 'stale');
    for (let check = 0; check < 3; check++) {
      await sessionCall(server, key, `/${session.id}/validate`, { method: 'POST' });
    }
    const answer = await server.scrape(key, { url: members(), session_id: session.id });
    expect([answer.status, answer.body.error]).toEqual([410, 'SESSION_EXPIRED']);
  });
});
