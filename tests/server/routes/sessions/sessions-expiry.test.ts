import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { sessionListSchema } from '../../../../contract/sessions';
import type { z } from 'zod';
import { createSession, sessionCall } from '../../../support/sessions';
import { startTestServer, type TestServer } from '../../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ testClock: true });
});
afterAll(() => server.close());

const DAY = 86_400;
/** The sandbox’s now, moved on by `seconds` (at least one: the clock only moves forward). */
async function advance(seconds: number): Promise<number> {
  const response = await server.call('/sandbox/clock', {
    method: 'POST',
    key: null,
    json: { advance_seconds: seconds },
  });
  return Date.parse(((await response.json()) as { now: string }).now);
}
const inDays = (now: number, days: number) => new Date(now + days * DAY * 1000).toISOString();

describe('expiry', () => {
  it('flags a session expiring within 7 days, and past expires_at reads it as expired until refreshed', async () => {
    const key = await server.newKey('growth');
    const now = await advance(1);
    const soon = await createSession(server, key, {
      name: 'Soon',
      domain: 'a.com',
      cookies: { s: '1' },
      expires_at: inDays(now, 2),
    });
    const later = await createSession(server, key, {
      name: 'Later',
      domain: 'b.com',
      cookies: { s: '1' },
      expires_at: inDays(now, 30),
    });
    expect([soon.expiry_status, later.expiry_status]).toEqual(['expiring_soon', 'valid']);
    expect(soon.status).toBe('active');

    await advance(3 * DAY);
    const read = await sessionCall(server, key, `/${soon.id}`);
    expect(read.body).toMatchObject({ status: 'expired', expiry_status: 'expired' });
    const expired = await sessionCall<z.infer<typeof sessionListSchema>>(server, key, '?status=expired');
    expect(expired.body.sessions.map((session) => session.id)).toEqual([soon.id]);
    // An expired session still counts toward the limit: only deleting frees its place.
    expect(expired.body.in_use).toBe(2);

    // Refreshed without a new expiry, the past one goes: these cookies are said to work now.
    const refreshed = await sessionCall(server, key, `/${soon.id}/refresh`, {
      method: 'POST',
      json: { cookies: { s: '2' } },
    });
    expect(refreshed.body).toMatchObject({ status: 'active', expires_at: null, expiry_status: null });
    const dated = await sessionCall(server, key, `/${later.id}/refresh`, {
      method: 'POST',
      json: { expires_at: inDays(now, 60) },
    });
    expect(dated.body).toMatchObject({ status: 'active', expiry_status: 'valid', expires_at: inDays(now, 60) });
  });

  it('reads an expires_at without an offset (n8n sends one) as UTC, on create and on update', async () => {
    const key = await server.newKey('growth');
    const created = await createSession(server, key, {
      name: 'Local time',
      domain: 'c.com',
      cookies: { s: '1' },
      expires_at: '2040-04-01T08:30:00',
    });
    expect(created.expires_at).toBe('2040-04-01T08:30:00.000Z');
    const patched = await sessionCall(server, key, `/${created.id}`, {
      method: 'PATCH',
      json: { expires_at: '2041-01-02T03:04' },
    });
    expect(patched.body).toMatchObject({ expires_at: '2041-01-02T03:04:00.000Z' });
    const refused = await sessionCall(server, key, `/${created.id}`, { method: 'PATCH', json: { expires_at: 'soon' } });
    expect(refused.status).toBe(400);
  });
});
