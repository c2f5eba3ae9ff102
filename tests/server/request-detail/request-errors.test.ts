import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER } from '../../../contract/headers';
import { requestErrorsSchema } from '../../../contract/request-detail';
import { DASHBOARD_CALL } from '../../../contract/request-log';
import { migrate } from '../../../server/db/migrations';
import { createRequestDetailReads } from '../../../server/repositories/request-detail-reads';
import { startTestServer, type TestServer } from '../../support/test-server';
import { waitForJob } from '../../support/wait-for-job';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ testClock: true });
});
afterAll(() => server.close());

const DAY_MS = 86_400_000;
const advanceDays = (days: number) =>
  server.call('/sandbox/clock', { method: 'POST', key: null, json: { advance_seconds: days * 86_400 } });

async function errorsOf(key: string, query: Record<string, string>) {
  const response = await server.call(`/requests/errors?${new URLSearchParams(query)}`, { key });
  expect(response.status).toBe(200);
  return requestErrorsSchema.parse(await response.json());
}

describe('GET /requests/errors', () => {
  it('groups failures by code and host with refunds and a per-day trend, counting a job when it settles', async () => {
    const key = await server.newKey('growth');
    const host = new URL(server.demoWebUrl).hostname;
    const firstDay = await dayOfLastRequest(key);

    expect((await server.scrape(key, { url: `${server.demoWebUrl}/premium` })).status).toBe(402);
    await advanceDays(1);
    expect((await server.scrape(key, { url: `${server.demoWebUrl}/premium` })).status).toBe(402);
    const queued = await server.scrape(key, { url: `${server.demoWebUrl}/garbled`, sync: false });
    expect((await waitForJob(server, key, queued.body.job_id!)).job.status).toBe('failed');
    expect((await server.call('/nowhere', { key })).status).toBe(404);

    const since = new Date(firstDay * DAY_MS).toISOString();
    const until = new Date((firstDay + 2) * DAY_MS).toISOString();
    const byBoth = await errorsOf(key, { since, until });
    expect(byBoth.days).toEqual([since.slice(0, 10), new Date((firstDay + 1) * DAY_MS).toISOString().slice(0, 10)]);
    expect(byBoth.groups.map(({ code, domain, count, trend }) => ({ code, domain, count, trend }))).toEqual([
      { code: 'PAYWALL_DETECTED', domain: host, count: 2, trend: [1, 1] },
      { code: 'EXTRACTION_FAILED', domain: host, count: 1, trend: [0, 1] },
      { code: 'NOT_FOUND', domain: '', count: 1, trend: [0, 1] },
    ]);
    const paywall = byBoth.groups[0]!;
    expect(paywall.refunded_credits).toBeGreaterThan(0);
    expect(byBoth.groups[1]!.refunded_credits).toBeGreaterThan(0);

    const byDomain = await errorsOf(key, { since, until, group: 'domain' });
    expect(byDomain.groups.map(({ code, domain, count }) => ({ code, domain, count }))).toEqual([
      { code: null, domain: host, count: 3 },
      { code: null, domain: '', count: 1 },
    ]);
    const dayAfter = await errorsOf(key, { since: until, until: new Date((firstDay + 3) * DAY_MS).toISOString() });
    expect(dayAfter.groups).toEqual([]);
    const firstDayByCode = await errorsOf(key, {
      since,
      until: new Date((firstDay + 1) * DAY_MS).toISOString(),
      group: 'code',
    });
    expect(firstDayByCode.groups).toMatchObject([{ code: 'PAYWALL_DETECTED', domain: null, count: 1, trend: [1] }]);
  });

  it('counts the customer’s calls, not the dashboard’s own background calls', async () => {
    const key = await server.newKey('growth');
    const today = await dayOfLastRequest(key);
    const missing = '/requests/req_00000000-0000-0000-0000-000000000000';
    const background = { [HEADER.dashboardCall]: DASHBOARD_CALL };
    expect((await server.call(missing, { key, headers: background })).status).toBe(404);
    const period = {
      since: new Date(today * DAY_MS).toISOString(),
      until: new Date((today + 1) * DAY_MS).toISOString(),
    };
    expect((await errorsOf(key, period)).groups).toEqual([]);

    expect((await server.call(missing, { key })).status).toBe(404);
    expect((await errorsOf(key, period)).groups).toMatchObject([{ code: 'NOT_FOUND', count: 1 }]);
  });

  it('sees only the account’s own failures', async () => {
    const key = await server.newKey('growth');
    const today = await dayOfLastRequest(key);
    const body = await errorsOf(key, {
      since: new Date((today - 30) * DAY_MS).toISOString(),
      until: new Date((today + 30) * DAY_MS).toISOString(),
    });
    expect(body.groups).toEqual([]);
  });

  it('refuses a reversed or too long period at its field', async () => {
    const key = await server.newKey('growth');
    const reversed = await server.call('/requests/errors?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z', {
      key,
    });
    expect(reversed.status).toBe(400);
    const tooLong = await server.call('/requests/errors?since=2025-01-01T00:00:00Z&until=2026-01-01T00:00:00Z', {
      key,
    });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { details: { field: string } }).details.field).toBe('until');
  });
});

/** The UTC day of the key's latest call, as the log recorded it (the sandbox's clock may run ahead of ours). */
async function dayOfLastRequest(key: string): Promise<number> {
  await server.call('/usage', { key });
  const page = (await (await server.call('/requests?limit=1', { key })).json()) as { requests: { at: string }[] };
  return Math.floor(Date.parse(page.requests[0]!.at) / DAY_MS);
}

describe('the detail’s and the errors view’s reads', () => {
  it('look the request up by key, and read one range of the roll-up’s primary key, never the log', () => {
    const db = new Database(':memory:');
    migrate(db);
    const statements: string[] = [];
    const recording = new Proxy(db, {
      get(target, property) {
        if (property === 'prepare')
          return (sql: string) => {
            statements.push(sql);
            return target.prepare(sql);
          };
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    createRequestDetailReads(recording);
    const errorsRead = statements.find((sql) => sql.includes('request_day_code_domains'))!;
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${errorsRead}`).all({ accountId: 'a', from: 0, to: 1 }) as { detail: string }[]
    ).map((row) => row.detail);
    expect(plan).toEqual(['SEARCH request_day_code_domains USING PRIMARY KEY (account_id=? AND day>? AND day<?)']);
    db.close();
  });
});
