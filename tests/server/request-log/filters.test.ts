import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_LOG_SCAN_LIMIT, requestLogPageSchema, type RequestLogEntry } from '../../../contract/request-log';
import type { RequestLogRecord } from '../../../server/repositories/request-log-repository';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
let mine: { key: string; accountId: string };
let other: { key: string; accountId: string };

async function newAccount() {
  const key = await server.newKey('high_volume', 1000);
  const found = server.app.accounts.findByKey(key);
  if (found.kind !== 'ok') throw new Error('the new key is not known');
  return { key, accountId: found.account.id };
}

const T0 = Date.UTC(2026, 0, 10);
/**
 * A known history: two calls per instant (so ties are ordered by id), both origins, two methods and paths, 404s among
 * 200s, two target hosts, one session. Expected pages are read from this list, not from the database.
 */
function history(prefix: string, accountId: string): RequestLogRecord[] {
  return Array.from({ length: 60 }, (_, i) => {
    const post = i % 4 === 0;
    const status = i % 5 === 0 ? 404 : 200;
    return {
      requestId: `req_${prefix}_${String(i).padStart(3, '0')}`,
      accountId,
      method: post ? 'POST' : 'GET',
      path: post ? '/api/v1/scrape' : '/api/v1/usage',
      status,
      code: status === 404 ? 'NOT_FOUND' : null,
      durationMs: 1,
      at: T0 + Math.floor(i / 2) * 1000,
      url: post ? `https://Site${i % 3}.Example/page/${i}?ref=${i % 8 ? 'Feed' : 'mail'}` : null,
      sessionId: i % 7 === 0 ? 'sess_one' : null,
      origin: i % 3 === 0 ? 'dashboard' : 'user',
    };
  });
}
let mineRows: RequestLogRecord[];

beforeAll(async () => {
  server = await startTestServer();
  [mine, other] = [await newAccount(), await newAccount()];
  mineRows = history('mine', mine.accountId);
  for (const row of [...mineRows, ...history('other', other.accountId)]) server.app.requestLog.record(row);
});
afterAll(() => server.close());

const newestFirst = (rows: RequestLogRecord[]) =>
  [...rows].sort((a, b) => b.at - a.at || (a.requestId < b.requestId ? 1 : -1)).map((row) => row.requestId);

async function pageOf(key: string, query: string) {
  // Past both rate-limit windows: the limits are not what this file is about.
  server.app.clock.advance(61);
  const response = await server.call(`/requests?${query}`, { key });
  expect(response.status, await response.clone().text()).toBe(200);
  return requestLogPageSchema.parse(await response.json());
}

/** Every entry a filter gives, page by page; the seeded range only (the calls the test makes come later). */
async function everything(query: string, key = mine.key, limit = 7): Promise<RequestLogEntry[]> {
  const seen: RequestLogEntry[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await pageOf(
      key,
      `${query}&limit=${limit}${query.includes('until=') ? '' : '&until=2026-01-11T00:00:00Z'}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    seen.push(...page.requests);
    cursor = page.next_cursor;
    expect(++pages).toBeLessThan(100);
  } while (cursor);
  return seen;
}
const ids = (entries: RequestLogEntry[]) => entries.map((entry) => entry.request_id);

describe('GET /requests filters, each paged newest first', () => {
  const cases: [query: string, expected: (row: RequestLogRecord) => boolean][] = [
    ['origin=user', (row) => row.origin === 'user'],
    ['origin=dashboard', (row) => row.origin === 'dashboard'],
    ['code=NOT_FOUND', (row) => row.code === 'NOT_FOUND'],
    ['status=404', (row) => row.status === 404],
    ['status=200&origin=dashboard', (row) => row.status === 200 && row.origin === 'dashboard'],
    ['method=post', (row) => row.method === 'POST'],
    ['path=/api/v1/usage&origin=user', (row) => row.path === '/api/v1/usage' && row.origin === 'user'],
    ['domain=site1.example', (row) => row.url?.startsWith('https://Site1.') ?? false],
    [
      'domain=SITE2.example&origin=user',
      (row) => (row.url?.startsWith('https://Site2.') ?? false) && row.origin === 'user',
    ],
    ['session=sess_one', (row) => row.sessionId === 'sess_one'],
    ['since=2026-01-10T00:00:10Z', (row) => row.at >= T0 + 10_000],
    ['since=2026-01-10T00:00:05Z&until=2026-01-10T00:00:12Z', (row) => row.at >= T0 + 5000 && row.at < T0 + 12_000],
    ['code=NOT_FOUND&method=POST', (row) => row.code === 'NOT_FOUND' && row.method === 'POST'],
    [
      'origin=user&status=200&domain=site1.example',
      (row) => row.origin === 'user' && row.status === 200 && (row.url?.startsWith('https://Site1.') ?? false),
    ],
    ['q=FEED', (row) => row.url?.includes('Feed') ?? false],
    ['q=page/1&origin=dashboard', (row) => (row.url?.includes('page/1') ?? false) && row.origin === 'dashboard'],
  ];

  it.each(cases)('?%s gives exactly its rows, in order, across pages', async (query, matches) => {
    const entries = await everything(query);
    expect(ids(entries)).toEqual(newestFirst(mineRows.filter(matches)));
    expect(entries.length).toBeGreaterThan(0);
  });

  it('gives nothing for a filter nothing matches, with no cursor', async () => {
    expect(await pageOf(mine.key, 'code=NO_SUCH_CODE')).toEqual({ requests: [], next_cursor: null });
    expect(await pageOf(mine.key, 'origin=dashboard&domain=nowhere.example')).toEqual({
      requests: [],
      next_cursor: null,
    });
  });

  it('pages the same with any page size', async () => {
    const expected = newestFirst(mineRows.filter((row) => row.status === 200));
    for (const limit of [1, 2, 13, 200]) expect(ids(await everything('status=200', mine.key, limit))).toEqual(expected);
  });

  it('shows each entry’s origin and host', async () => {
    const [entry] = (await pageOf(mine.key, 'q=req_mine_012')).requests;
    expect(entry).toMatchObject({
      request_id: 'req_mine_012',
      origin: 'dashboard',
      domain: 'site0.example',
      method: 'POST',
    });
  });
});

describe('q', () => {
  it('finds a request by its id, with the other filters still applying', async () => {
    expect(ids((await pageOf(mine.key, 'q=req_mine_007')).requests)).toEqual(['req_mine_007']);
    expect(ids((await pageOf(mine.key, 'q=req_mine_007&origin=dashboard')).requests)).toEqual([]);
  });

  it('reads at most the scan limit a page, and its cursor finds what lies further back', async () => {
    const far = await newAccount();
    const count = REQUEST_LOG_SCAN_LIMIT + 1000;
    const rows = Array.from({ length: count }, (_, i): RequestLogRecord => ({
      requestId: `req_far_${String(i).padStart(6, '0')}`,
      accountId: far.accountId,
      method: 'POST',
      path: '/api/v1/scrape',
      status: 200,
      code: null,
      durationMs: 1,
      at: T0 + i,
      // Only the oldest call went to the page searched for.
      url: i === 0 ? 'https://needle.example/' : `https://hay.example/${i}`,
      sessionId: null,
      origin: 'user',
    }));
    server.app.db.transaction(() => rows.forEach((row) => server.app.requestLog.record(row)))();

    for (const origin of ['', '&origin=user']) {
      const first = await pageOf(far.key, `q=needle${origin}`);
      expect(first.requests).toEqual([]);
      expect(first.next_cursor).not.toBeNull();
      const found = await everything(`q=needle${origin}`, far.key, 50);
      expect(ids(found)).toEqual(['req_far_000000']);
    }
  });
});

describe('one account never sees another’s requests', () => {
  it('under any filter', async () => {
    for (const query of ['', 'origin=user', 'code=NOT_FOUND', 'domain=site1.example', 'session=sess_one', 'q=site']) {
      const seen = ids(await everything(query));
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.filter((id) => !id.startsWith('req_mine_'))).toEqual([]);
    }
    expect((await pageOf(mine.key, 'q=req_other_007')).requests).toEqual([]);
  });

  it('answers another account’s request id as it answers an unknown one', async () => {
    const theirs = await server.call('/requests/req_other_007', { key: mine.key });
    const unknown = await server.call('/requests/req_nobody_007', { key: mine.key });
    expect([theirs.status, unknown.status]).toEqual([404, 404]);
    const strip = ({ request_id: _, ...body }: Record<string, unknown>) => body;
    expect(strip((await theirs.json()) as Record<string, unknown>)).toEqual(
      strip((await unknown.json()) as Record<string, unknown>),
    );
    expect((await server.call('/requests/req_other_007', { key: other.key })).status).toBe(200);
  });
});

describe('bad filter values', () => {
  it.each([
    ['code=not_found', 'code'],
    ['status=abc', 'status'],
    ['status=99', 'status'],
    ['method=FETCH', 'method'],
    ['path=api/v1/usage', 'path'],
    ['since=yesterday', 'since'],
    ['until=2026-13-01T00:00:00Z', 'until'],
    ['since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z', 'until'],
    ['domain=a%20b.example', 'domain'],
    ['domain=example.com/path', 'domain'],
    ['origin=robot', 'origin'],
    ['q=', 'q'],
    ['cursor=not-a-cursor', 'cursor'],
    ['limit=0', 'limit'],
  ])('?%s is a 400 envelope at the field %s', async (query, field) => {
    const response = await server.call(`/requests?${query}`, { key: mine.key });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; details: { field: string } };
    expect(body.error).toBe('INVALID_REQUEST');
    expect(body.details.field).toBe(field);
  });
});

describe('the OpenAPI description of GET /requests', () => {
  it('lists every filter, origin’s two values, and says how far a page reads', async () => {
    const spec = (await (await server.call('/openapi.json', { key: null })).json()) as {
      paths: Record<
        string,
        { get: { description: string; parameters: { name: string; schema: { enum?: string[] } }[] } }
      >;
    };
    const list = spec.paths['/api/v1/requests']!.get;
    const names = list.parameters.map((parameter) => parameter.name);
    for (const name of [
      'code',
      'status',
      'method',
      'path',
      'since',
      'until',
      'domain',
      'session',
      'origin',
      'q',
      'cursor',
      'limit',
    ]) {
      expect(names).toContain(name);
    }
    expect(list.parameters.find((parameter) => parameter.name === 'origin')!.schema.enum).toEqual([
      'user',
      'dashboard',
    ]);
    expect(list.description).toContain(String(REQUEST_LOG_SCAN_LIMIT));
  });
});
