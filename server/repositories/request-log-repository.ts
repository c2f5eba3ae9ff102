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
  cached?: boolean;
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
  // An async job may settle before its POST is logged, or after: either write keeps the other's columns.
  const insert = db.prepare(
    `INSERT INTO requests
       (request_id, account_id, method, path, status, code, duration_ms, at, credits_charged, credits_refunded, tier, url,
        cached)
     VALUES (@requestId, @accountId, @method, @path, @status, @code, @durationMs, @at,
             @creditsCharged, @creditsRefunded, @tier, @url, @cached)
     ON CONFLICT(request_id) DO UPDATE SET
       method = excluded.method, path = excluded.path, status = excluded.status, duration_ms = excluded.duration_ms,
       at = excluded.at, code = coalesce(requests.code, excluded.code), url = coalesce(excluded.url, requests.url),
       credits_charged = max(requests.credits_charged, excluded.credits_charged),
       credits_refunded = max(requests.credits_refunded, excluded.credits_refunded),
       tier = coalesce(requests.tier, excluded.tier), cached = max(requests.cached, excluded.cached)`,
  );
  const settlementUpsert = db.prepare(
    `INSERT INTO requests (request_id, account_id, method, path, status, code, duration_ms, at, credits_charged,
                           credits_refunded, tier)
     VALUES (@requestId, @accountId, 'POST', '/api/v1/scrape', 202, @code, 0, @at, @charged, @refunded, @tier)
     ON CONFLICT(request_id) DO UPDATE SET credits_charged = excluded.credits_charged,
       credits_refunded = excluded.credits_refunded, tier = excluded.tier, code = coalesce(excluded.code, requests.code)`,
  );
  const byId = db.prepare<[string, string], Row>(`SELECT * FROM requests WHERE account_id = ? AND request_id = ?`);
  const countSince = db.prepare<[string, number], { n: number }>(
    `SELECT count(*) AS n FROM requests WHERE account_id = ? AND at >= ?`,
  );

  return {
    record(entry: RequestLogRecord): void {
      const { cached, ...rest } = entry;
      insert.run({ creditsCharged: 0, creditsRefunded: 0, tier: null, url: null, ...rest, cached: cached ? 1 : 0 });
    },

    /** An async job settles after its POST was logged: its billing lands on that entry. */
    recordSettlement(settlement: {
      requestId: string;
      accountId: string;
      at: number;
      charged: number;
      refunded: number;
      tier: string | null;
      code: string | null;
    }) {
      settlementUpsert.run(settlement);
    },

    get: (accountId: string, requestId: string) => {
      const row = byId.get(accountId, requestId);
      return row ? toEntry(row) : null;
    },

    /** Per UTC day since `sinceMs`: requests, credits, cache hits and error codes. */
    dailySince(accountId: string, sinceMs: number) {
      const days = db
        .prepare<[string, number], { date: string; requests: number; charged: number; refunded: number; hits: number }>(
          `SELECT date(at / 1000, 'unixepoch') AS date, count(*) AS requests, sum(credits_charged) AS charged,
                  sum(credits_refunded) AS refunded, sum(cached) AS hits
             FROM requests WHERE account_id = ? AND at >= ? GROUP BY 1 ORDER BY 1`,
        )
        .all(accountId, sinceMs);
      const errors = db
        .prepare<[string, number], { date: string; code: string; n: number }>(
          `SELECT date(at / 1000, 'unixepoch') AS date, code, count(*) AS n
             FROM requests WHERE account_id = ? AND at >= ? AND code IS NOT NULL GROUP BY 1, 2`,
        )
        .all(accountId, sinceMs);
      return days.map((day) => ({
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
