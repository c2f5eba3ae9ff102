import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTargetGuard } from '../../../../server/scraper/target-guard';
import { type BrowserPool, createBrowserPool } from '../../../../server/scraper/tiers/browser-tier';

// A scraped page on one origin reaches for another. With private targets allowed (ALLOW_PRIVATE_TARGETS=1),
// the guard lets both through: only the browser's own origin rules stand between the page and the data.
const other = { url: '', methods: [] as string[] };
let pageUrl = '';
let pool: BrowserPool;
const servers: Server[] = [];

/** The page runs `script` (an async function body), writes what it got into #out and marks it done. */
const pageRunning = (script: string) => `<!doctype html><title>Reader</title><pre id="out"></pre>
<script>
  (async function () { ${script} })().then(
    function (text) { out.textContent = 'READ:' + text; },
    function (error) { out.textContent = 'REFUSED:' + error.name; },
  ).then(function () { out.setAttribute('data-done', ''); });
</script>`;

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  other.url = await listen((request, response) => {
    other.methods.push(`${request.method} ${request.url}`);
    if (request.url === '/open') {
      response.writeHead(200, { 'access-control-allow-origin': '*' }).end('OPEN DATA');
    } else {
      // No CORS headers at all: what a private service (or the sandbox's own API) answers.
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"secret":"CROSS-ORIGIN SECRET"}');
    }
  });
  pageUrl = await listen((request, response) => {
    const script = decodeURIComponent(new URL(request.url ?? '/', 'http://page').searchParams.get('script') ?? '');
    response.writeHead(200, { 'content-type': 'text/html' }).end(pageRunning(script));
  });
  pool = createBrowserPool({
    chromiumPath: '/usr/bin/chromium',
    maxContexts: 1,
    guard: createTargetGuard({ allowPrivate: true, demoWebUrl: pageUrl }),
  });
});
afterAll(async () => {
  await pool.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

async function run(script: string): Promise<string> {
  const url = `${pageUrl}/?script=${encodeURIComponent(script)}`;
  const page = await pool.fetch('3', { url, deadline: Date.now() + 10_000, cookies: {}, waitFor: '#out[data-done]' });
  return /<pre id="out"[^>]*>([^<]*)<\/pre>/.exec(page.body.toString())?.[1] ?? '';
}

describe('a page in the browser tiers keeps the web’s origin rules', () => {
  it('cannot read another origin’s response that has no CORS headers', async () => {
    const out = await run(`return (await fetch('${other.url}/secret')).text();`);
    expect(out).toBe('REFUSED:TypeError');
  });

  it('cannot read it with XMLHttpRequest either, nor with credentials', async () => {
    const xhr = `return new Promise(function (resolve, reject) {
      var request = new XMLHttpRequest();
      request.open('GET', '${other.url}/secret');
      request.onload = function () { resolve(request.responseText); };
      request.onerror = function () { reject(new TypeError('xhr')); };
      request.send();
    });`;
    expect(await run(xhr)).toBe('REFUSED:TypeError');
    expect(await run(`return (await fetch('${other.url}/open', { credentials: 'include' })).text();`)).toBe(
      'REFUSED:TypeError',
    );
  });

  it('reads what the other origin shares with CORS', async () => {
    expect(await run(`return (await fetch('${other.url}/open')).text();`)).toBe('READ:OPEN DATA');
  });

  it('sends a real preflight, and not the request the other origin never allowed', async () => {
    other.methods = [];
    const put = `return (await fetch('${other.url}/write', {
      method: 'PUT', headers: { 'content-type': 'application/json', 'x-probe': '1' }, body: '{}',
    })).text();`;
    expect(await run(put)).toBe('REFUSED:TypeError');
    // The page's fetch has settled: anything it sent has arrived by now.
    expect(other.methods).toEqual(['OPTIONS /write']);
  });
});
