import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { sessionListSchema } from '../../../../contract/sessions';
import type { z } from 'zod';
import { createSession, sessionCall, withoutRequestId } from '../../../support/sessions';
import { startTestServer, type TestServer } from '../../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('one account’s sessions do not exist for another', () => {
  it('answers B’s every use of A’s session exactly as an unknown id, apart from the request id', async () => {
    const [a, b] = [await server.newKey('growth'), await server.newKey('growth')];
    const session = await createSession(server, a, {
      name: 'A’s',
      domain: `${server.demoWebUrl}/members`,
      cookies: { demo_session: 'valid' },
    });
    const list = await sessionCall<z.infer<typeof sessionListSchema>>(server, b, '');
    expect(list.body).toMatchObject({ sessions: [], total: 0, in_use: 0 });

    // The same id for both: an unknown one answers with its own id in the message, as A's does.
    const unknown = randomUUID();
    const calls: [method: string, path: (id: string) => string, json?: unknown][] = [
      ['GET', (id) => `/${id}`],
      ['PATCH', (id) => `/${id}`, { name: 'mine now' }],
      ['POST', (id) => `/${id}/refresh`, {}],
      ['POST', (id) => `/${id}/validate`],
      ['DELETE', (id) => `/${id}`],
    ];
    for (const [method, path, json] of calls) {
      const theirs = await sessionCall(server, b, path(session.id), { method, json });
      const nobody = await sessionCall(server, b, path(unknown), { method, json });
      expect([theirs.status, theirs.body.error], `${method} ${path('…')}`).toEqual([404, 'SESSION_NOT_FOUND']);
      expect(withoutRequestId(theirs.body)).toBe(withoutRequestId(nobody.body).replaceAll(unknown, session.id));
    }

    const url = `${server.demoWebUrl}/members`;
    const theirs = await server.scrape(b, { url, session_id: session.id });
    const nobody = await server.scrape(b, { url, session_id: unknown });
    expect([theirs.status, theirs.body.error]).toEqual([404, 'SESSION_NOT_FOUND']);
    expect(withoutRequestId(theirs.body)).toBe(withoutRequestId(nobody.body).replaceAll(unknown, session.id));

    // And none of it touched A's session.
    expect((await sessionCall(server, a, `/${session.id}`)).body).toMatchObject({
      name: 'A’s',
      status: 'active',
      total_requests: 0,
      last_validated_at: null,
    });
  });
});
