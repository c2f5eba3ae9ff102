import type { Session, SessionValidation } from '../../contract/sessions';
import type { ErrorEnvelope } from '../../contract/envelope';
import type { TestServer } from './test-server';

type Answer<T> = { status: number; body: T };

/** A call to /sessions…, its JSON body parsed (204: null); an error's body is the envelope. */
export async function sessionCall<T = Session>(
  server: TestServer,
  key: string,
  path: string,
  init: { method?: string; json?: unknown } = {},
): Promise<Answer<T & Partial<ErrorEnvelope>>> {
  const response = await server.call(`/sessions${path}`, { key, ...init });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T & Partial<ErrorEnvelope> };
}

/** POST /sessions that must succeed: the session as answered. */
export async function createSession(server: TestServer, key: string, body: Record<string, unknown>): Promise<Session> {
  const answer = await sessionCall(server, key, '', { method: 'POST', json: body });
  if (answer.status !== 201) throw new Error(`create answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export const validateSession = (server: TestServer, key: string, id: string) =>
  sessionCall<SessionValidation>(server, key, `/${id}/validate`, { method: 'POST' });

/** An envelope without its request id: what must be byte-identical between two refusals. */
export const withoutRequestId = (body: { request_id?: string } | null) => {
  const { request_id: _requestId, ...rest } = body ?? {};
  return JSON.stringify(rest);
};
