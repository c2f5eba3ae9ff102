import { HttpResponse } from 'msw';
import type { ErrorEnvelope } from '../../../contract/envelope';
import { domainCovers, normaliseSessionDomain } from '../../../contract/session-domain';
import {
  createSessionSchema,
  refreshSessionSchema,
  updateSessionSchema,
  type Session,
  type SessionValidation,
} from '../../../contract/sessions';
import { envelope, rateLimitHeaders } from './fixtures';
import { api, server } from './server';
import { sessionFixture, sessionListFixture, validationFixture } from './session-fixtures';

/** One call the dashboard made to the sessions API, its body checked with the contract's schema. */
export interface SessionCall {
  method: string;
  path: string;
  search: string;
  body?: unknown;
}

const headers = rateLimitHeaders(80);
const notFound = (id: string) =>
  HttpResponse.json<ErrorEnvelope>(envelope('SESSION_NOT_FOUND', `No session ${id}`, { details: { session_id: id } }), {
    status: 404,
    headers,
  });

/**
 * The sessions API as a small in-memory fake over msw's contract-typed handlers: lists filter as the server does
 * (status, domain covering the host), writes change what later reads answer. `validation` is what the next
 * validate answers (its `session` is replaced by the stored one, updated).
 */
export function fakeSessionsApi(initial: Session[] = [], options: { validation?: Partial<SessionValidation> } = {}) {
  const state = { sessions: [...initial], calls: [] as SessionCall[] };
  const record = (request: Request, body?: unknown) => {
    const url = new URL(request.url);
    state.calls.push({
      method: request.method,
      path: url.pathname.replace(/^.*\/api\/v1/, ''),
      search: url.search,
      body,
    });
  };
  const find = (id: unknown) => state.sessions.find((session) => session.id === String(id));
  const replace = (next: Session) => {
    state.sessions = state.sessions.map((session) => (session.id === next.id ? next : session));
    return next;
  };

  server.use(
    api.get('/sessions', ({ request }) => {
      record(request);
      const query = new URL(request.url).searchParams;
      const status = query.get('status') === 'inactive' ? 'invalid' : query.get('status');
      const host = query.get('domain') ? normaliseSessionDomain(query.get('domain') ?? '')?.domain : null;
      const listed = state.sessions.filter(
        (session) => (!status || session.status === status) && (!host || domainCovers(session.domain, host)),
      );
      const inUse = state.sessions.filter((session) => session.status !== 'invalid').length;
      return HttpResponse.json(sessionListFixture(listed, { in_use: inUse }), { headers });
    }),
    api.get('/sessions/:id', ({ request, params }) => {
      record(request);
      const session = find(params.id);
      return session ? HttpResponse.json(session, { headers }) : notFound(String(params.id));
    }),
    api.post('/sessions', async ({ request }) => {
      const body = createSessionSchema.parse(await request.json());
      record(request, body);
      const session = sessionFixture({
        id: crypto.randomUUID(),
        name: body.name,
        domain: normaliseSessionDomain(body.domain)?.domain ?? body.domain,
        cookie_names: Object.keys(body.cookies),
        cookie_count: Object.keys(body.cookies).length,
        expires_at: body.expires_at ? new Date(body.expires_at).toISOString() : null,
        notes: body.notes ?? null,
      });
      state.sessions.push(session);
      return HttpResponse.json(session, { status: 201, headers });
    }),
    api.patch('/sessions/:id', async ({ request, params }) => {
      const body = updateSessionSchema.parse(await request.json());
      record(request, body);
      const session = find(params.id);
      if (!session) return notFound(String(params.id));
      const { name = session.name, notes = session.notes } = body;
      const expires = body.expires_at === undefined ? session.expires_at : body.expires_at;
      return HttpResponse.json(
        replace({ ...session, name, notes, expires_at: expires && new Date(expires).toISOString() }),
        { headers },
      );
    }),
    api.post('/sessions/:id/refresh', async ({ request, params }) => {
      const body = refreshSessionSchema.parse(await request.json());
      record(request, body);
      const session = find(params.id);
      if (!session) return notFound(String(params.id));
      const names = body.cookies ? Object.keys(body.cookies) : session.cookie_names;
      const refreshed = { ...session, status: 'active' as const, consecutive_failures: 0, cookie_names: names };
      return HttpResponse.json(replace({ ...refreshed, cookie_count: names.length }), { headers });
    }),
    api.post('/sessions/:id/validate', ({ request, params }) => {
      record(request);
      const session = find(params.id);
      if (!session) return notFound(String(params.id));
      const validation = validationFixture({ ...options.validation });
      const checked = replace({
        ...session,
        last_validated_at: validation.checked_at,
        last_validation_result: validation.is_valid ? 'valid' : 'invalid',
        consecutive_failures: validation.consecutive_failures,
      });
      return HttpResponse.json({ ...validation, session: checked }, { headers });
    }),
    api.delete('/sessions/:id', ({ request, params }) => {
      record(request);
      const session = find(params.id);
      if (!session) return notFound(String(params.id));
      replace({ ...session, status: 'invalid', cookie_names: [], cookie_count: 0 });
      return new HttpResponse(null, { status: 204, headers });
    }),
  );
  return state;
}
