import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import { domainCovers, normaliseSessionDomain } from '../../contract/session-domain';
import type {
  createSessionSchema,
  refreshSessionSchema,
  Session,
  sessionListQuerySchema,
  sessionListSchema,
  updateSessionSchema,
} from '../../contract/sessions';
import { SESSION_LIMIT } from '../../contract/session-limits';
import type { Clock } from '../clock';
import { fail } from '../errors';
import type { Sealer } from '../plugins/secrets-key';
import type { SessionRow, SessionsRepository } from '../repositories/sessions-repository';
import type { TargetGuard } from '../scraper/target-guard';
import { sessionInactive, sessionNotFound } from './session-failures';
import { checkUrlOn, parseTime, readCreateInput } from './session-input';
import { sessionSecrets } from './session-secrets';
import { sessionView } from './session-view';
import { validateWith } from './session-validation';

interface SessionsDeps {
  repo: SessionsRepository;
  sealer: Sealer;
  clock: Clock;
  guard: TargetGuard;
}

/** Stored sessions of each account: CRUD with the values sealed at rest, the limit, and their credentials. */
export function createSessionsService(deps: SessionsDeps) {
  const { repo, clock } = deps;
  const secrets = sessionSecrets(deps.sealer);

  function owned(accountId: string, id: string): SessionRow {
    const row = repo.find(accountId, id);
    if (!row) throw sessionNotFound(id);
    return row;
  }
  function live(accountId: string, id: string): SessionRow {
    const row = owned(accountId, id);
    if (row.status === 'invalid') throw sessionInactive(id);
    return row;
  }
  const view = (accountId: string, id: string): Session => sessionView(owned(accountId, id), clock.now());

  return {
    create(accountId: string, input: z.output<typeof createSessionSchema>): Session {
      const { domain, headers, checkUrl } = readCreateInput(input);
      const id = randomUUID();
      const fields = secrets.fields(
        accountId,
        id,
        { cookies: input.cookies, headers },
        {
          name: input.name,
          check_url: checkUrl,
          expires_at: parseTime(input.expires_at),
          notes: input.notes ?? null,
        },
      );
      const inserted = repo.insertWithin(SESSION_LIMIT, {
        ...fields,
        id,
        account_id: accountId,
        domain,
        now: clock.now(),
      });
      if (!inserted.ok) {
        throw fail('SESSION_LIMIT_REACHED', `An account keeps at most ${SESSION_LIMIT} sessions: delete one first`, {
          details: { limit: SESSION_LIMIT, in_use: inserted.inUse },
        });
      }
      return view(accountId, id);
    },

    list(accountId: string, query: z.output<typeof sessionListQuerySchema>): z.infer<typeof sessionListSchema> {
      const now = clock.now();
      const status = query.status === 'inactive' ? 'invalid' : query.status;
      const host = query.domain ? normaliseSessionDomain(query.domain)?.domain : undefined;
      const all = repo.list(accountId).map((row) => sessionView(row, now));
      const sessions = all.filter(
        (session) => (!status || session.status === status) && (!host || domainCovers(session.domain, host)),
      );
      const inUse = all.filter((session) => session.status !== 'invalid').length;
      return { sessions, total: sessions.length, limit: SESSION_LIMIT, in_use: inUse };
    },

    get: view,

    update(accountId: string, id: string, patch: z.output<typeof updateSessionSchema>): Session {
      const row = live(accountId, id);
      const old = secrets.open(row);
      const values = { cookies: patch.cookies ?? old.cookies, headers: patch.headers ?? old.headers };
      const fields = secrets.fields(accountId, id, values, {
        name: patch.name ?? row.name,
        check_url: patch.check_url === undefined ? row.check_url : checkUrlOn(row.domain, patch.check_url),
        expires_at: patch.expires_at === undefined ? row.expires_at : parseTime(patch.expires_at),
        notes: patch.notes === undefined ? row.notes : patch.notes,
      });
      repo.update(accountId, id, fields, clock.now());
      return view(accountId, id);
    },

    /**
     * Back to active with its failures forgotten. An `expires_at` already past goes too unless a new one is
     * given: the user says these cookies work now, and a refreshed session must not read as expired.
     */
    refresh(accountId: string, id: string, body: z.output<typeof refreshSessionSchema>): Session {
      const row = live(accountId, id);
      const now = clock.now();
      const old = secrets.open(row);
      const keptExpiry = row.expires_at !== null && row.expires_at <= now ? null : row.expires_at;
      const values = { cookies: body.cookies ?? old.cookies, headers: body.headers ?? old.headers };
      const fields = secrets.fields(accountId, id, values, {
        name: row.name,
        check_url: row.check_url,
        expires_at: body.expires_at === undefined ? keptExpiry : parseTime(body.expires_at),
        notes: row.notes,
      });
      repo.update(accountId, id, fields, now);
      repo.reactivate(accountId, id, now);
      return view(accountId, id);
    },

    /** Deleting twice is deleting: the second answers 204 too. */
    remove(accountId: string, id: string): void {
      owned(accountId, id);
      repo.remove(accountId, id, clock.now());
    },

    validate: validateWith({ live, credentialsOf: secrets.open, repo, clock, guard: deps.guard }),

    /** A session's row, for a scrape's checks (session-for-scrape.ts). */
    find: (accountId: string, id: string) => repo.find(accountId, id),
    credentialsOf: secrets.open,
    recordUse: (accountId: string, id: string, ok: boolean) => repo.recordUse(accountId, id, ok, clock.now()),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionsService;
  }
}

export default fp(
  async (app) => {
    app.decorate(
      'sessions',
      createSessionsService({
        repo: app.sessionsRepository,
        sealer: app.sealer,
        clock: app.clock,
        guard: app.scraper.guard,
      }),
    );
  },
  { name: 'sessions', dependencies: ['sessions-repository', 'secrets-key', 'clock', 'scraper'] },
);
