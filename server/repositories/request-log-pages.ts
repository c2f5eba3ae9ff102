import type Database from 'better-sqlite3';
import {
  REQUEST_LOG_SCAN_LIMIT,
  encodeRequestLogCursor,
  type RequestLogCursor,
  type RequestLogEntry,
  type RequestLogFilter,
  requestOriginSchema,
} from '../../contract/request-log';

/**
 * GET /requests as index ranges. Each page reads one range per origin of an index that leads with the account, the
 * origin and one filter, then (at, request_id) descending: the newest-first order is the index's own, so no page sorts
 * and none reads beyond what it shows (migration 8). A second filter, or `q` as URL text, is checked row by row
 * inside that range, at most REQUEST_LOG_SCAN_LIMIT rows a page; the cursor then continues from the last row read.
 */

/** The filters an index can lead with, most selective first: the first one present picks the index. */
const KEYED = [
  { name: 'session', column: 'session_id', index: 'requests_origin_session' },
  { name: 'domain', column: 'domain', index: 'requests_origin_domain' },
  { name: 'path', column: 'path', index: 'requests_origin_path' },
  { name: 'code', column: 'outcome_code', index: 'requests_origin_code' },
  { name: 'status', column: 'status', index: 'requests_origin_status' },
  { name: 'method', column: 'method', index: 'requests_origin_method' },
] as const;
type Keyed = (typeof KEYED)[number];
const UNFILTERED = { index: 'requests_origin' } as const;

export const ENTRY_COLUMNS = `r.request_id, r.method, r.path, r.status, coalesce(s.code, r.code) AS code, r.duration_ms,
  r.at, coalesce(s.credits_charged, 0) AS credits_charged, coalesce(s.credits_refunded, 0) AS credits_refunded,
  s.tier, r.url, r.domain, r.session_id, r.origin`;
const SETTLEMENT_JOIN = 'LEFT JOIN settlements s ON s.request_id = r.request_id';
export const ENTRY_FROM = `requests r ${SETTLEMENT_JOIN}`;

export type EntryRow = Omit<RequestLogEntry, 'at'> & { at: number };
type Params = Record<string, string | number>;

/** One index range: the terms it is read by, and the terms its rows are checked by (each costs a row read). */
interface Range {
  index: string;
  where: string[];
  checked: string[];
}

const keyOf = (row: { at: number; request_id: string }): RequestLogCursor => ({ at: row.at, id: row.request_id });
/** Newest first: (at, id) descending, as SQLite orders the text ids (byte order; ids are ASCII). */
const after = (a: RequestLogCursor, b: RequestLogCursor) => a.at > b.at || (a.at === b.at && a.id > b.id);
const max = (a: RequestLogCursor | null, b: RequestLogCursor | null) => (!a ? b : !b ? a : after(a, b) ? a : b);

export function createRequestLogPages(db: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  // The shapes are the few combinations of filters present, so this map stays small.
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  function rangesOf(filter: RequestLogFilter): Range[] {
    const present = KEYED.filter((keyed) => filter[keyed.name] !== undefined);
    const [lead, ...rest] = present as [Keyed | undefined, ...Keyed[]];
    const checked = rest.map((keyed) => `r.${keyed.column} = @${keyed.name}`);
    if (filter.q !== undefined) checked.push(`instr(lower(r.url), @q) > 0`);
    const leadWhere = lead ? [`r.${lead.column} = @${lead.name}`] : [];
    const { index } = lead ?? UNFILTERED;
    if (filter.origin) return [{ index, where: ['r.origin = @origin', ...leadWhere], checked }];
    // Without an origin: one range per origin, merged below.
    return requestOriginSchema.options.map((origin) => ({
      index,
      where: [`r.origin = '${origin}'`, ...leadWhere],
      checked,
    }));
  }

  // INDEXED BY: the plan is the point here, so a range that could not use its index fails instead of scanning.
  const rangeSql = (range: Range, columns: string, joined: boolean, bounds: string[], tail: string) =>
    `SELECT ${columns} FROM requests r INDEXED BY ${range.index} ${joined ? SETTLEMENT_JOIN : ''}
      WHERE r.account_id = @accountId ${[...range.where, ...bounds].map((term) => `AND ${term}`).join(' ')}
      ORDER BY r.at DESC, r.request_id DESC ${tail}`;

  const UPPER = '(r.at, r.request_id) < (@upperAt, @upperId)';
  const LOWER = '(r.at, r.request_id) >= (@lowerAt, @lowerId)';

  const boundsOf = (upper: RequestLogCursor | null, lower: RequestLogCursor | null) => ({
    terms: [...(upper ? [UPPER] : []), ...(lower ? [LOWER] : [])],
    params: { upperAt: upper?.at, upperId: upper?.id, lowerAt: lower?.at, lowerId: lower?.id },
  });

  /** One range's rows of a page, and the last row it read (null: it read to the end). */
  function readRange(
    range: Range,
    params: Params,
    upper: RequestLogCursor | null,
    since: number | undefined,
    budget: number,
  ) {
    let lower: RequestLogCursor | null = since === undefined ? null : { at: since, id: '' };
    let stop: RequestLogCursor | null = null;
    if (range.checked.length > 0) {
      // Where the scan limit ends this range: one walk of the index alone, then the rows are read down to there.
      const bounds = boundsOf(upper, lower);
      const sql = rangeSql(range, 'r.at, r.request_id', false, bounds.terms, 'LIMIT 1 OFFSET @skip');
      const last = prepared(sql).get({ ...params, ...bounds.params, skip: budget - 1 }) as EntryRow | undefined;
      if (last) lower = stop = keyOf(last);
    }
    const bounds = boundsOf(upper, lower);
    const sql = rangeSql(range, ENTRY_COLUMNS, true, [...bounds.terms, ...range.checked], 'LIMIT @take');
    const rows = prepared(sql).all({ ...params, ...bounds.params, take: Number(params.limit) + 1 }) as EntryRow[];
    // A full page read up to its extra row; otherwise up to its scan limit, or to the end.
    return { rows, lastRead: rows.length > Number(params.limit) ? keyOf(rows.at(-1)!) : stop };
  }

  /** `q` as a request id: that one request, if it is the account's and passes the other filters. */
  function byId(params: Params, upper: RequestLogCursor | null, since: number | undefined) {
    const keyed = KEYED.filter((entry) => params[entry.name] !== undefined).map(
      (entry) => `r.${entry.column} = @${entry.name}`,
    );
    const bounds = boundsOf(upper, since === undefined ? null : { at: since, id: '' });
    const terms = ['r.request_id = @id', ...(params.origin ? ['r.origin = @origin'] : []), ...keyed, ...bounds.terms];
    const sql = `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} WHERE r.account_id = @accountId AND ${terms.join(' AND ')}`;
    return prepared(sql).get({ ...params, ...bounds.params, id: params.qExact }) as EntryRow | undefined;
  }

  return {
    page(accountId: string, filter: RequestLogFilter): { rows: EntryRow[]; nextCursor: string | null } {
      const until = filter.until === undefined ? null : { at: filter.until, id: '' };
      const cursor = filter.cursor ?? null;
      const upper = cursor && until ? (after(until, cursor) ? cursor : until) : (cursor ?? until);
      const params: Params = { accountId, limit: filter.limit };
      for (const keyed of KEYED) {
        const value = filter[keyed.name];
        if (value !== undefined) params[keyed.name] = value;
      }
      if (filter.origin) params.origin = filter.origin;
      if (filter.q !== undefined) {
        params.q = filter.q.toLowerCase();
        params.qExact = filter.q;
      }

      if (filter.q !== undefined) {
        const found = byId(params, upper, filter.since);
        if (found) return { rows: [found], nextCursor: null };
      }
      const ranges = rangesOf(filter);
      const budget = Math.floor(REQUEST_LOG_SCAN_LIMIT / ranges.length);
      const read = ranges.map((range) => readRange(range, params, upper, filter.since, budget));
      // Rows down to where the range that read least far stopped are complete across ranges: the page ends there.
      const frontier = read.reduce<RequestLogCursor | null>((acc, range) => max(acc, range.lastRead), null);
      const rows = read
        .flatMap((range) => range.rows)
        .filter((row) => !frontier || !after(frontier, keyOf(row)))
        .sort((a, b) => (after(keyOf(a), keyOf(b)) ? -1 : 1));
      const shown = rows.slice(0, filter.limit);
      const next = rows.length > filter.limit ? keyOf(shown.at(-1)!) : frontier;
      return { rows: shown, nextCursor: next ? encodeRequestLogCursor(next) : null };
    },
  };
}
