import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogPage } from '../../../../contract/request-log';
import { createSession, sessionCall, validateSession } from '../../../support/sessions';
import { startTestServer, type TestServer } from '../../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const members = () => `${server.demoWebUrl}/members`;

describe('validating a session against the demo web’s login wall', () => {
  it('passes with demo_session=valid: the members page, not the sign-in form', async () => {
    const key = await server.newKey('growth');
    const session = await createSession(server, key, {
      name: 'Demo',
      domain: members(),
      cookies: { demo_session: 'valid' },
    });
    expect(session).toMatchObject({ domain: '127.0.0.1', check_url: members() });

    // Bodiless, with the JSON content type the MCP server sends.
    const response = await server.call(`/sessions/${session.id}/validate`, {
      key,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(200);
    const validation = (await response.json()) as Awaited<ReturnType<typeof validateSession>>['body'];
    expect(validation).toMatchObject({
      is_valid: true,
      valid: true,
      http_status: 200,
      confidence: 0.9,
      consecutive_failures: 0,
      details: { url: members(), verdict: 'logged_in', title: 'Members area', tier: '1' },
      session: { status: 'active', last_validation_result: 'valid', validation_confidence: 0.9 },
    });
    expect(validation.session.last_validated_at).toBe(validation.checked_at);

    // The request log says which session the check used, and where it went.
    const log = (await (await server.call(`/requests?session=${session.id}`, { key })).json()) as RequestLogPage;
    expect(log.requests).toEqual([
      expect.objectContaining({
        path: `/api/v1/sessions/${session.id}/validate`,
        session_id: session.id,
        url: members(),
      }),
    ]);
  });

  it('fails on the sign-in form with a wrong cookie, expires after 3 failures in a row, and a pass resets the count', async () => {
    const key = await server.newKey('growth');
    const session = await createSession(server, key, {
      name: 'Demo',
      domain: members(),
      cookies: { demo_session: 'stale' },
    });

    const first = await validateSession(server, key, session.id);
    expect(first.body).toMatchObject({
      is_valid: false,
      http_status: 200,
      consecutive_failures: 1,
      details: { verdict: 'login_wall', title: 'Sign in' },
      session: { status: 'active', last_validation_result: 'invalid' },
    });
    await validateSession(server, key, session.id);
    const third = await validateSession(server, key, session.id);
    expect(third.body).toMatchObject({ is_valid: false, consecutive_failures: 3, session: { status: 'expired' } });

    await sessionCall(server, key, `/${session.id}/refresh`, {
      method: 'POST',
      json: { cookies: { demo_session: 'valid' } },
    });
    const again = await validateSession(server, key, session.id);
    expect(again.body).toMatchObject({ is_valid: true, consecutive_failures: 0, session: { status: 'active' } });
  });

  it('counts an unreachable site as a failed check, and records nothing for a check URL the guard refuses', async () => {
    const key = await server.newKey('growth');
    const gone = await createSession(server, key, { name: 'Gone', domain: 'unreachable.invalid', cookies: { s: '1' } });
    const unreachable = await validateSession(server, key, gone.id);
    expect(unreachable.body).toMatchObject({
      is_valid: false,
      http_status: null,
      details: { verdict: 'network_error' },
    });

    const inside = await createSession(server, key, { name: 'Inside', domain: '10.0.0.1', cookies: { s: '1' } });
    const refused = await validateSession(server, key, inside.id);
    expect([refused.status, refused.body.error]).toEqual([400, 'INVALID_REQUEST']);
    expect((await sessionCall(server, key, `/${inside.id}`)).body).toMatchObject({
      consecutive_failures: 0,
      last_validated_at: null,
    });
  });
});
