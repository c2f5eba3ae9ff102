import type Database from 'better-sqlite3';
import type { RequestLogEntry } from '../../contract/request-log';

export interface RequestLogRecord {
  requestId: string;
  accountId: string;
  method: string;
  path: string;
  status: number;
  code: string | null;
  durationMs: number;
  at: number;
  creditsCharged?: number;
  creditsRefunded?: number;
  tier?: string | null;
  url?: string | null;
}

export interface RequestLogFilter {
  code?: string | undefined;
  status?: number | undefined;
  sinceMs?: number | undefined;
  cursor?: string | undefined;
  limit: number;
}

interface Row {
  request_id: string;
  method: string;
  path: string;
  status: number;
  code: string | null;
  duration_ms: number;
  at: number;
  credits_charged: number;
  credits_refunded: number;
  tier: string | null;
  url: string | null;
}

const toEntry = (row: Row): RequestLogEntry => ({
  request_id: row.request_id,
  method: row.method,
  path: row.path,
  status: row.status,
  code: row.code,
  duration_ms: Math.round(row.duration_ms * 10) / 10,
  at: new Date(row.at).toISOString(),
  credits_charged: row.credits_charged,
  credits_refunded: row.credits_refunded,
  tier: row.tier,
  url: row.url,
});

/** The cursor is the (time, id) of the last row seen: stable while new calls arrive. */
const encodeCursor = (row: Row) => Buffer.from(`${row.at}:${row.request_id}`).toString('base64url');
function decodeCursor(cursor: string): { at: number; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split(/:(.*)/s);
  const atMs = Number(at);
  return Number.isFinite(atMs) && id ? { at: atMs, id } : null;
}

export function createRequestLogRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO requests
       (request_id, account_id, method, path, status, code, duration_ms, at, credits_charged, credits_refunded, tier, url)
     VALUES (@requestId, @accountId, @method, @path, @status, @code, @durationMs, @at,
             @creditsCharged, @creditsRefunded, @tier, @url)`,
  );
  const byId = db.prepare<[string, string], Row>(`SELECT * FROM requests WHERE account_id = ? AND request_id = ?`);
  const countSince = db.prepare<[string, number], { n: number }>(
    `SELECT count(*) AS n FROM requests WHERE account_id = ? AND at >= ?`,
  );

  return {
    record(entry: RequestLogRecord): void {
      insert.run({ creditsCharged: 0, creditsRefunded: 0, tier: null, url: null, ...entry });
    },

    get: (accountId: string, requestId: string) => {
      const row = byId.get(accountId, requestId);
      return row ? toEntry(row) : null;
    },

    countSince: (accountId: string, sinceMs: number) => countSince.get(accountId, sinceMs)!.n,

    list(accountId: string, filter: RequestLogFilter): { requests: RequestLogEntry[]; next_cursor: string | null } {
      const where = ['account_id = @accountId'];
      const params: Record<string, unknown> = { accountId, limit: filter.limit + 1 };
      if (filter.code) {
        where.push('code = @code');
        params.code = filter.code;
      }
      if (filter.status) {
        where.push('status = @status');
        params.status = filter.status;
      }
      if (filter.sinceMs !== undefined) {
        where.push('at >= @since');
        params.since = filter.sinceMs;
      }
      const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
      if (cursor) {
        where.push('(at < @cursorAt OR (at = @cursorAt AND request_id < @cursorId))');
        Object.assign(params, { cursorAt: cursor.at, cursorId: cursor.id });
      }
      const rows = db
        .prepare<Record<string, unknown>, Row>(
          `SELECT * FROM requests WHERE ${where.join(' AND ')} ORDER BY at DESC, request_id DESC LIMIT @limit`,
        )
        .all(params);
      const page = rows.slice(0, filter.limit);
      const last = page.at(-1);
      return {
        requests: page.map(toEntry),
        next_cursor: rows.length > filter.limit && last ? encodeCursor(last) : null,
      };
    },
  };
}

export type RequestLogRepository = ReturnType<typeof createRequestLogRepository>;
