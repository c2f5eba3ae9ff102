import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGuard } from '../../../server/scraper/target-guard';
import { createBrowserPool } from '../../../server/scraper/tiers/browser-tier';
import { fetchTier } from '../../../server/scraper/tiers/fetch-tier';
import type { TierRequest } from '../../../server/scraper/types';

/** Every request the target got, with its headers: what a session's credentials reached. */
const seen: { host: string; path: string; headers: IncomingHttpHeaders }[] = [];
let port = 0;
const target = createServer((request, response) => {
  seen.push({ host: (request.headers.host ?? '').split(':')[0]!, path: request.url ?? '', headers: request.headers });
  if (request.url === '/away') {
    response.writeHead(302, { location: `http://localhost:${port}/page` }).end();
    return;
  }
  if (request.url === '/pixel') {
    response.writeHead(200, { 'content-type': 'image/gif' }).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html' });
  // A third-party subresource: another host than the page's.
  response.end(`<title>Page</title><h1>Page</h1><img src="http://localhost:${port}/pixel">`);
});
beforeAll(async () => {
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  port = (target.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => target.close(resolve)));

const OPEN = openGuard();
const signedIn = (path: string): TierRequest => ({
  url: `http://127.0.0.1:${port}${path}`,
  deadline: Date.now() + 15_000,
  cookies: { sid: 'cookie-value' },
  headers: { 'X-Session': 'header-value', 'User-Agent': 'Stored/1.0' },
});
const requestsTo = (host: string, path: string) => seen.filter((entry) => entry.host === host && entry.path === path);

describe('a stored session’s cookies and headers', () => {
  it('go with the fetch tiers’ request, the stored User-Agent over the tier’s own', async () => {
    seen.length = 0;
    await fetchTier('2', signedIn('/page'), OPEN);
    expect(requestsTo('127.0.0.1', '/page')[0]?.headers).toMatchObject({
      cookie: 'sid=cookie-value',
      'x-session': 'header-value',
      'user-agent': 'Stored/1.0',
      'accept-language': 'en-US,en;q=0.9',
    });
  });

  it('never follow a redirect to a host off their domain', async () => {
    seen.length = 0;
    const page = await fetchTier('1', signedIn('/away'), OPEN);
    expect(page.finalUrl).toBe(`http://localhost:${port}/page`);
    expect(requestsTo('127.0.0.1', '/away')[0]?.headers.cookie).toBe('sid=cookie-value');
    const landed = requestsTo('localhost', '/page')[0]?.headers;
    expect(landed?.cookie).toBeUndefined();
    expect(landed?.['x-session']).toBeUndefined();
  });

  it('go with the browser’s page load, not with a third-party subresource', async () => {
    seen.length = 0;
    const pool = createBrowserPool({ chromiumPath: '/usr/bin/chromium', maxContexts: 1 });
    try {
      const page = await pool.fetch('3', signedIn('/page'));
      expect(page.status).toBe(200);
    } finally {
      await pool.close();
    }
    expect(requestsTo('127.0.0.1', '/page')[0]?.headers).toMatchObject({
      cookie: 'sid=cookie-value',
      'x-session': 'header-value',
    });
    const pixel = requestsTo('localhost', '/pixel')[0]?.headers;
    expect(pixel).toBeDefined();
    expect(pixel?.['x-session']).toBeUndefined();
    expect(pixel?.cookie).toBeUndefined();
  });
});
