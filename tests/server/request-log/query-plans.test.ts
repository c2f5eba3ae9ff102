import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The SQL a call to GET /requests prepares, read by watching the database while it runs. */
async function sqlOf(query: string): Promise<string[]> {
  const prepare = vi.spyOn(server.app.db, 'prepare');
  try {
    const response = await server.call(`/requests?${query}`);
    expect(response.status).toBe(200);
    return prepare.mock.calls.map(([sql]) => sql).filter((sql) => /FROM requests r/.test(sql));
  } finally {
    prepare.mockRestore();
  }
}

function planOf(db: Database.Database, sql: string): string[] {
  const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map(([, name]) => [name!, name === 'q' ? 'x' : 1]));
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params)
    .map((row) => (row as { detail: string }).detail);
}

const cursor = Buffer.from(`${Date.now()}:req_x`).toString('base64url');
// Each single filter, each with origin, the two together, bounds and a cursor: every shape is one index range.
const SHAPES: [query: string, index: string][] = [
  ['', 'requests_origin'],
  ['origin=user', 'requests_origin'],
  ['origin=dashboard&since=2026-01-01T00:00:00Z&until=2026-02-01T00:00:00Z', 'requests_origin'],
  ['code=NO_SUCH_CODE', 'requests_origin_code'],
  ['origin=user&code=NO_SUCH_CODE', 'requests_origin_code'],
  ['status=418', 'requests_origin_status'],
  ['origin=user&status=418', 'requests_origin_status'],
  ['method=DELETE', 'requests_origin_method'],
  ['origin=user&method=DELETE', 'requests_origin_method'],
  ['path=/api/v1/nothing', 'requests_origin_path'],
  ['origin=dashboard&path=/api/v1/nothing', 'requests_origin_path'],
  ['domain=nowhere.example', 'requests_origin_domain'],
  ['origin=user&domain=nowhere.example', 'requests_origin_domain'],
  ['session=sess_none', 'requests_origin_session'],
  ['origin=user&session=sess_none', 'requests_origin_session'],
  [`origin=user&code=NO_SUCH_CODE&cursor=${cursor}&since=2026-01-01T00:00:00Z`, 'requests_origin_code'],
  ['origin=user&code=NO_SUCH_CODE&status=418', 'requests_origin_code'],
  ['q=nothing-matches', 'requests_origin'],
  ['origin=user&domain=nowhere.example&q=nothing', 'requests_origin_domain'],
];

describe('GET /requests reads index ranges in their order, whatever the filters', () => {
  it.each(SHAPES)('?%s reads %s, with no scan and no sort', async (query, index) => {
    const statements = await sqlOf(query);
    expect(statements.length).toBeGreaterThan(0);
    for (const sql of statements) {
      const plan = planOf(server.app.db, sql);
      for (const line of plan) expect(line).not.toMatch(/\bSCAN\b|TEMP B-TREE/);
      // q is first looked up as a request id: one row by its key.
      const expected = /INDEXED BY/.test(sql)
        ? `${index} \\(account_id=\\?`
        : 'sqlite_autoindex_requests_1 \\(request_id=\\?';
      const search = plan.find((line) => /^SEARCH r /.test(line));
      expect(search, plan.join('\n')).toMatch(new RegExp(`USING (COVERING )?INDEX ${expected}`));
    }
  });
});
