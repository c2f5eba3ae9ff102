import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { sessionListSchema } from '../../../../contract/sessions';
import type { z } from 'zod';
import { createSession, sessionCall } from '../../../support/sessions';
import { startTestServer, type TestServer } from '../../../support/test-server';

type SessionList = z.infer<typeof sessionListSchema>;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const jar = { sid: 'crud-cookie-value-1', theme: 'dark' };

describe('creating a session', () => {
  it('keeps the host alone as its domain, the typed URL as its check URL, and answers names, never values', async () => {
    const key = await server.newKey('growth');
    const session = await createSession(server, key, {
      name: 'Shop',
      domain: 'https://WWW.Example.com.:8443/account?next=1#top',
      cookies: jar,
      headers: { 'Accept-Language': 'de-DE' },
      notes: 'from the laptop',
      consent: true,
    });
    expect(session).toMatchObject({
      name: 'Shop',
      domain: 'example.com',
      check_url: 'https://www.example.com:8443/account',
      cookie_names: ['sid', 'theme'],
      cookie_count: 2,
      header_names: ['Accept-Language'],
      status: 'active',
      expires_at: null,
      expiry_status: null,
      consecutive_failures: 0,
      total_requests: 0,
      success_rate: 0,
      last_validation_result: null,
      notes: 'from the laptop',
    });
    expect(JSON.stringify(session)).not.toContain('crud-cookie-value-1');
    expect(JSON.stringify(session)).not.toContain('de-DE');

    const bare = await createSession(server, key, { name: 'Bare', domain: 'news.example.org', cookies: jar });
    expect(bare).toMatchObject({ domain: 'news.example.org', check_url: 'https://news.example.org/' });
    // The MCP server's user_agent is kept as the session's User-Agent header.
    const mcp = await createSession(server, key, { name: 'M', domain: '127.0.0.1', cookies: jar, user_agent: 'Bot/1' });
    expect(mcp).toMatchObject({ domain: '127.0.0.1', header_names: ['User-Agent'] });
  });

  it('refuses bad input at its field: RFC 6265 cookies, no cookies, a non-http domain, a check URL elsewhere', async () => {
    const key = await server.newKey('growth');
    const refused = async (body: Record<string, unknown>) => {
      const answer = await sessionCall(server, key, '', {
        method: 'POST',
        json: { name: 'x', domain: 'a.com', cookies: jar, ...body },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('INVALID_REQUEST');
      return (answer.body.details as { field: string }).field;
    };
    expect(await refused({ cookies: { sid: 'has space' } })).toMatch(/^cookies/);
    expect(await refused({ cookies: { 'bad name': 'x' } })).toMatch(/^cookies/);
    expect(await refused({ cookies: {} })).toBe('cookies');
    expect(await refused({ domain: 'ftp://files.a.com/' })).toBe('domain');
    expect(await refused({ check_url: 'https://elsewhere.com/' })).toBe('check_url');
    expect(await refused({ headers: { Host: 'evil.com' } })).toMatch(/^headers/);
  });
});

describe('listing, reading and editing', () => {
  it('filters by status and by the host a URL would have; inactive is invalid; a trailing slash is the same list', async () => {
    const key = await server.newKey('growth');
    const shop = await createSession(server, key, { name: 'Shop', domain: 'example.com', cookies: jar });
    const other = await createSession(server, key, { name: 'Other', domain: 'other.com', cookies: jar });
    const gone = await createSession(server, key, { name: 'Gone', domain: 'example.com', cookies: jar });
    expect((await sessionCall(server, key, `/${gone.id}`, { method: 'DELETE' })).status).toBe(204);

    const list = async (query: string) => (await sessionCall<SessionList>(server, key, query)).body;
    const ids = (answer: SessionList) => answer.sessions.map((session) => session.id).sort();

    expect(await list('')).toMatchObject({ total: 3, limit: 50, in_use: 2 });
    expect(ids(await list('/?domain=shop.example.com'))).toEqual([shop.id, gone.id].sort());
    expect(ids(await list('?status=active'))).toEqual([shop.id, other.id].sort());
    expect(ids(await list('?status=inactive'))).toEqual([gone.id]);
    expect(ids(await list('?status=invalid&domain=other.com'))).toEqual([]);
    expect((await list('?status=invalid')).in_use).toBe(2);
  });

  it('patches fields, replaces the cookie set, and refresh brings a session back to active', async () => {
    const key = await server.newKey('growth');
    const session = await createSession(server, key, { name: 'Shop', domain: 'example.com', cookies: jar });
    const patched = await sessionCall(server, key, `/${session.id}`, {
      method: 'PATCH',
      json: { name: 'Shop 2', cookies: { token: 'abc' }, notes: null, check_url: 'https://app.example.com/me' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Shop 2', cookie_names: ['token'], notes: null });
    expect(patched.body.check_url).toBe('https://app.example.com/me');

    const elsewhere = await sessionCall(server, key, `/${session.id}`, {
      method: 'PATCH',
      json: { check_url: 'https://x.org/' },
    });
    expect(elsewhere.status).toBe(400);

    const refreshed = await sessionCall(server, key, `/${session.id}/refresh`, {
      method: 'POST',
      json: { cookies: jar },
    });
    expect(refreshed.body).toMatchObject({ status: 'active', consecutive_failures: 0, cookie_names: ['sid', 'theme'] });
    expect((await sessionCall(server, key, `/${session.id}`)).body.name).toBe('Shop 2');
  });

  it('answers bodiless POST and DELETE sent with Content-Type: application/json (the MCP server does)', async () => {
    const key = await server.newKey('growth');
    const session = await createSession(server, key, { name: 'Shop', domain: 'example.com', cookies: jar });
    const bodiless = (path: string, method: string) =>
      server.call(`/sessions/${session.id}${path}`, { key, method, headers: { 'Content-Type': 'application/json' } });
    expect((await bodiless('/refresh', 'POST')).status).toBe(200);
    expect((await bodiless('', 'DELETE')).status).toBe(204);
    // Deleting again is still deleted; using it answers SESSION_INACTIVE.
    expect((await bodiless('', 'DELETE')).status).toBe(204);
    const refresh = await bodiless('/refresh', 'POST');
    expect([refresh.status, ((await refresh.json()) as { error: string }).error]).toEqual([410, 'SESSION_INACTIVE']);
    // A route that needs a body still refuses a missing one, at its field.
    const create = await server.call('/sessions', {
      key,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(create.status).toBe(400);
  });

  it('keeps a deleted session as invalid: readable, not editable', async () => {
    const key = await server.newKey('growth');
    const session = await createSession(server, key, { name: 'Shop', domain: 'example.com', cookies: jar });
    await sessionCall(server, key, `/${session.id}`, { method: 'DELETE' });
    expect((await sessionCall(server, key, `/${session.id}`)).body.status).toBe('invalid');
    const patch = await sessionCall(server, key, `/${session.id}`, { method: 'PATCH', json: { name: 'again' } });
    expect([patch.status, patch.body.error]).toEqual([410, 'SESSION_INACTIVE']);
    const validate = await sessionCall(server, key, `/${session.id}/validate`, { method: 'POST' });
    expect([validate.status, validate.body.error]).toEqual([410, 'SESSION_INACTIVE']);
  });
});

describe('the limit', () => {
  it('refuses a 51st live session with 429 SESSION_LIMIT_REACHED; deleting one makes room', async () => {
    const key = await server.newKey('growth');
    const lookup = server.app.accounts.findByKey(key);
    if (lookup.kind !== 'ok') throw new Error('no account');
    // Fifty through the service: fifty HTTP calls would meet the key's rate limit first.
    const made = Array.from({ length: 50 }, (_, index) =>
      server.app.sessions.create(lookup.account.id, {
        name: `s${index}`,
        domain: `s${index}.example.com`,
        cookies: jar,
      }),
    );
    const body = { name: 'one more', domain: 'example.com', cookies: jar };
    const refused = await sessionCall(server, key, '', { method: 'POST', json: body });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: 'SESSION_LIMIT_REACHED', details: { limit: 50, in_use: 50 } });

    await sessionCall(server, key, `/${made[0]!.id}`, { method: 'DELETE' });
    expect((await sessionCall(server, key, '', { method: 'POST', json: body })).status).toBe(201);
  });
});

describe('the OpenAPI description', () => {
  it('lists the session routes under their tag', async () => {
    const spec = (await (await server.call('/openapi.json', { key: null })).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    expect(spec.paths['/api/v1/sessions']?.post?.tags).toEqual(['sessions']);
    expect(Object.keys(spec.paths['/api/v1/sessions/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    expect(spec.paths['/api/v1/sessions/{id}/validate']?.post).toBeDefined();
  });
});
