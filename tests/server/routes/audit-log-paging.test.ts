import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogPageSchema, type AuditLogPage } from '../../../contract/usage';
import { startTestServer, type TestServer } from '../../support/test-server';

// GET /billing/audit-log as the official clients page it (api-facts §2.4: ?limit=20&offset=0 → entries, total,
// has_more) and as the dashboard does (by cursor): both walk the whole ledger once, newest first, and stop.

let server: TestServer;
let key = '';
/** Entries in the account's ledger: the opening deposit, two scrapes' three entries, and the top-ups below. */
const TOTAL = 1 + 3 + 19;

beforeAll(async () => {
  server = await startTestServer();
  // The top plan's burst: a walk is many calls in a moment.
  key = await server.newKey('high_volume', 1000);
  await server.scrape(key, { url: `${server.demoWebUrl}/article` }); // charged
  await server.scrape(key, { url: `${server.demoWebUrl}/premium` }); // charged and refunded
  // Straight to the ledger, as older history was written: its count and numbers come from the triggers alone.
  const found = server.app.accounts.findByKey(key);
  if (found.kind !== 'ok') throw new Error('the new key has no account');
  const topUp = server.app.db.prepare(
    `INSERT INTO ledger (account_id, at, kind, credits, code) VALUES (?, ?, 'deposit', ?, 'TEST_TOP_UP')`,
  );
  for (let credits = 1; credits <= 19; credits++) topUp.run(found.account.id, Date.now(), credits);
  // Another account's entries are no part of this one's total or pages.
  await server.scrape(await server.newKey('growth', 1000), { url: `${server.demoWebUrl}/article` });
});
afterAll(() => server.close());

async function page(query: string): Promise<AuditLogPage> {
  const response = await server.call(`/billing/audit-log?${query}`, { key });
  expect(response.status, await response.clone().text()).toBe(200);
  return auditLogPageSchema.parse(await response.json());
}

/** Every page from the first, following `next` until has_more is false; more pages than entries is a loop. */
async function walk(first: string, next: (previous: AuditLogPage, seen: number) => string) {
  const pages = [await page(first)];
  while (pages.at(-1)!.has_more) {
    expect(pages.length, 'more pages than entries: the paging does not end').toBeLessThan(TOTAL);
    pages.push(await page(next(pages.at(-1)!, pages.flatMap((one) => one.entries).length)));
  }
  return pages;
}

describe('GET /billing/audit-log by offset', () => {
  it('walks every entry once, newest first, with the total on every page, and ends', async () => {
    const pages = await walk('limit=5&offset=0', (_previous, seen) => `limit=5&offset=${seen}`);
    const ids = pages.flatMap((one) => one.entries.map((entry) => entry.id));
    expect(pages).toHaveLength(Math.ceil(TOTAL / 5));
    expect(ids).toHaveLength(TOTAL);
    expect(new Set(ids).size).toBe(TOTAL);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    let seen = 0;
    for (const one of pages) {
      seen += one.entries.length;
      expect(one.total).toBe(TOTAL);
      expect(one.has_more).toBe(seen < TOTAL);
      expect(one.next_cursor !== null).toBe(one.has_more);
    }
    const entries = pages.flatMap((one) => one.entries);
    expect(entries[0]).toMatchObject({ kind: 'deposit', credits: 19, code: 'TEST_TOP_UP' });
    expect(entries.at(-1)).toMatchObject({ kind: 'deposit', credits: 1000, code: 'OPENING_BALANCE' });
  });

  it('answers the client’s own page size, the oldest entry alone, and nothing past the end', async () => {
    const first = await page('limit=20&offset=0');
    expect(first.entries).toHaveLength(20);
    expect(first).toMatchObject({ total: TOTAL, has_more: true });

    const oldest = await page(`limit=20&offset=${TOTAL - 1}`);
    expect(oldest.entries.map((entry) => entry.code)).toEqual(['OPENING_BALANCE']);
    expect(oldest).toMatchObject({ total: TOTAL, has_more: false, next_cursor: null });

    for (const offset of [TOTAL, TOTAL + 1, 999_999_999_999_999]) {
      expect(await page(`limit=20&offset=${offset}`)).toEqual({
        entries: [],
        total: TOTAL,
        has_more: false,
        next_cursor: null,
      });
    }
  });

  it('pages the same entries as the cursor does', async () => {
    const byCursor = await walk('limit=7', (previous) => `limit=7&cursor=${previous.next_cursor!}`);
    const byOffset = await walk('limit=7&offset=0', (_previous, seen) => `limit=7&offset=${seen}`);
    expect(byOffset).toEqual(byCursor);
  });
});

describe('GET /billing/audit-log by cursor (the dashboard’s paging)', () => {
  it('still walks every entry once, with the total, and has_more as next_cursor says', async () => {
    const pages = await walk('limit=4', (previous) => `limit=4&cursor=${previous.next_cursor!}`);
    const ids = pages.flatMap((one) => one.entries.map((entry) => entry.id));
    expect(new Set(ids).size).toBe(TOTAL);
    for (const one of pages) {
      expect(one.total).toBe(TOTAL);
      expect(one.has_more).toBe(one.next_cursor !== null);
    }
    expect(pages.at(-1)!.next_cursor).toBeNull();
  });
});

describe('bad paging', () => {
  let other = '';
  beforeAll(async () => {
    other = await server.newKey('high_volume', 1000);
  });

  it.each([
    ['offset=-1', 'offset'],
    ['offset=abc', 'offset'],
    ['offset=1.5', 'offset'],
    ['offset=', 'offset'],
    ['offset=1e3', 'offset'],
    ['offset=1&offset=2', 'offset'],
    ['offset=0&cursor=5', 'offset'],
    ['limit=0&offset=0', 'limit'],
  ])('?%s is a 400 envelope at the field %s', async (query, field) => {
    const response = await server.call(`/billing/audit-log?${query}`, { key: other });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: string;
      message: string;
      detail: string;
      request_id: string;
      details: { field: string };
    };
    expect(body).toMatchObject({ error: 'INVALID_REQUEST', details: { field } });
    expect(body.message).toMatch(new RegExp(`^${field}: `));
    expect(body.detail).toBe(body.message);
    expect(body.request_id).toBe(response.headers.get('x-request-id'));
  });

  it('says why offset and cursor together are refused', async () => {
    const response = await server.call('/billing/audit-log?offset=0&cursor=5', { key: other });
    expect(((await response.json()) as { message: string }).message).toBe(
      'offset: Page by cursor or by offset, not both',
    );
  });
});
