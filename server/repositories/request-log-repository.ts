import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { RequestLogEntry } from '../../contract/request-log';
import { maskSecrets, maskSecretsOrNull } from '../lib/mask-secrets';

/** What a call was, as HTTP: its cost is the settlement's, which the log joins in (migration 3). */
export interface RequestLogRecord {
  requestId: string;
  accountId: string;
  method: string;
  path: string;
  status: number;
  code: string | null;
  durationMs: number;
  at: number;
  url: string | null;
  /** The stored session the call used. */
  sessionId: string | null;
}

export interface RequestLogFilter {
  code?: string | undefined;
  status?: number | undefined;
  sinceMs?: number | undefined;
  session?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

type Row = Omit<RequestLogEntry, 'at'> & { at: number };
const COLUMNS =
  'request_id, method, path, status, code, duration_ms, at, credits_charged, credits_refunded, tier, url, session_id';

const toEntry = (row: Row): RequestLogEntry => ({
  ...row,
  duration_ms: Math.round(row.duration_ms * 10) / 10,
  at: new Date(row.at).toISOString(),
});

/** The cursor is the (time, id) of the last row seen: stable while new calls arrive. */
const encodeCursor = (row: Row) => Buffer.from(`${row.at}:${row.request_id}`).toString('base64url');
function decodeCursor(cursor: string): { at: number; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split(/:(.*)/s);
  const atMs = Number(at);
  return Number.isFinite(atMs) && id ? { at: atMs, id } : null;
}

export function createRequestLogRepository(db: Database.Database) {
  const insert = db.prepare<RequestLogRecord>(
    `INSERT INTO requests (request_id, account_id, method, path, status, code, duration_ms, at, url, session_id)
     VALUES (@requestId, @accountId, @method, @path, @status, @code, @durationMs, @at, @url, @sessionId)`,
  );
  const byId = db.prepare<[string, string], Row>(
    `SELECT ${COLUMNS} FROM request_log WHERE account_id = ? AND request_id = ?`,
  );
  const countSince = db.prepare<[string, number], { n: number }>(
    `SELECT count(*) AS n FROM requests WHERE account_id = ? AND at >= ?`,
  );
  const days = db.prepare<
    [string, number],
    { date: string; requests: number; charged: number; refunded: number; hits: number }
  >(
    `SELECT date(at / 1000, 'unixepoch') AS date, count(*) AS requests, sum(credits_charged) AS charged,
            sum(credits_refunded) AS refunded, sum(cached) AS hits
       FROM request_log WHERE account_id = ? AND at >= ? GROUP BY 1 ORDER BY 1`,
  );
  const dayErrors = db.prepare<[string, number], { date: string; code: string; n: number }>(
    `SELECT date(at / 1000, 'unixepoch') AS date, code, count(*) AS n
       FROM request_log WHERE account_id = ? AND at >= ? AND code IS NOT NULL GROUP BY 1, 2`,
  );
  // A filter left out is null, and its condition holds for every row.
  const pageWhere = (scope: string) =>
    db.prepare<Record<string, string | number | null>, Row>(
      `SELECT ${COLUMNS} FROM request_log
      WHERE ${scope} AND (@code IS NULL OR code = @code) AND (@status IS NULL OR status = @status)
        AND (@since IS NULL OR at >= @since)
        AND (@cursorAt IS NULL OR at < @cursorAt OR (at = @cursorAt AND request_id < @cursorId))
      ORDER BY at DESC, request_id DESC LIMIT @limit`,
    );
  const page = pageWhere('account_id = @accountId');
  // One session's requests are one range of their own index (migration 6), not a walk through the whole log.
  const sessionPage = pageWhere('account_id = @accountId AND session_id = @session');

  return {
    /** The one writer of a call's row, once it has been answered; a key anywhere in its URLs never lands here. */
    record: (entry: RequestLogRecord) =>
      void insert.run({ ...entry, path: maskSecrets(entry.path), url: maskSecretsOrNull(entry.url) }),

    get: (accountId: string, requestId: string) => {
      const row = byId.get(accountId, requestId);
      return row ? toEntry(row) : null;
    },

    /** Per UTC day since `sinceMs`: requests, credits, cache hits and error codes. */
    dailySince(accountId: string, sinceMs: number) {
      const errors = dayErrors.all(accountId, sinceMs);
      return days.all(accountId, sinceMs).map((day) => ({
        date: day.date,
        requests: day.requests,
        credits_charged: day.charged,
        credits_refunded: day.refunded,
        cache_hits: day.hits,
        errors: Object.fromEntries(errors.filter((row) => row.date === day.date).map((row) => [row.code, row.n])),
      }));
    },

    countSince: (accountId: string, sinceMs: number) => countSince.get(accountId, sinceMs)!.n,

    list(accountId: string, filter: RequestLogFilter): { requests: RequestLogEntry[]; next_cursor: string | null } {
      const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
      const rows = (filter.session ? sessionPage : page).all({
        accountId,
        session: filter.session ?? null,
        code: filter.code ?? null,
        status: filter.status ?? null,
        since: filter.sinceMs ?? null,
        cursorAt: cursor?.at ?? null,
        cursorId: cursor?.id ?? null,
        limit: filter.limit + 1,
      });
      const shown = rows.slice(0, filter.limit);
      const last = shown.at(-1);
      return {
        requests: shown.map(toEntry),
        next_cursor: rows.length > filter.limit && last ? encodeCursor(last) : null,
      };
    },
  };
}

export type RequestLogRepository = ReturnType<typeof createRequestLogRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    requestLog: RequestLogRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('requestLog', createRequestLogRepository(app.db));
  },
  { name: 'request-log-repository', dependencies: ['database'] },
);
