import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
let owner: string;
/** A real key, put where keys do not belong. */
let misplaced: string;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.newKey('growth');
  misplaced = await server.newKey('growth');
});
afterAll(() => server.close());

const encodeAll = (text: string) =>
  [...text].map((char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).join('');

/** Every spelling of the key that must never be written down. */
function expectNoKey(text: string) {
  for (const form of [misplaced, misplaced.replaceAll('_', '%5F'), encodeAll(misplaced), misplaced.slice(8)]) {
    expect(text).not.toContain(form);
  }
}

async function requestLog(key: string) {
  return (await (await server.call('/requests?limit=200', { key })).text()) as string;
}

describe('a key misplaced in a URL', () => {
  it.each([
    ['?x-api-key=', () => `/usage?x-api-key=${misplaced}`],
    ['?access_token=', () => `/usage?access_token=${misplaced}`],
    ['a percent-encoded name', () => `/usage?x%2Dapi%2Dkey=${misplaced.replaceAll('_', '%5F')}`],
    ['a percent-encoded key under a plain name', () => `/usage?ref=${encodeAll(misplaced)}`],
    ['a path segment', () => `/usage/${misplaced}`],
  ])('never reaches the log or the request log in clear: %s', async (_placement, path) => {
    const withOwner = await server.call(path(), { key: owner });
    const keyless = await server.call(path(), { key: null });
    // The 404 of a path segment echoes the path in its message: masked there too.
    expectNoKey(await withOwner.text());
    expectNoKey(await keyless.text());

    expectNoKey(server.logs());
    const log = await requestLog(owner);
    expectNoKey(log);
    expect(server.logs()).toContain('[redacted]');
  });

  it('shows the masked path in the request log row of the call', async () => {
    await server.call(`/usage/${misplaced}`, { key: owner });
    const log = JSON.parse(await requestLog(owner)) as { requests: { path: string; status: number }[] };
    expect(log.requests).toContainEqual(expect.objectContaining({ path: '/api/v1/usage/[redacted]', status: 404 }));
  });

  it('is masked in a scraped URL’s query: the log, the request log’s url and the audit log', async () => {
    const scraper = await server.newKey('growth');
    const url = `${server.demoWebUrl}/article?ref=${misplaced}`;
    const { status } = await server.scrape(scraper, { url });
    expect(status).toBe(200);

    expectNoKey(server.logs());
    const log = JSON.parse(await requestLog(scraper)) as { requests: { path: string; url: string | null }[] };
    const row = log.requests.find((entry) => entry.path === '/api/v1/scrape');
    expect(row?.url).toBe(`${server.demoWebUrl}/article?ref=[redacted]`);
    const audit = await (await server.call('/billing/audit-log', { key: scraper })).text();
    expect(audit).toContain('[redacted]');
    expectNoKey(audit);
  });
});
