import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';

// Pages that only a browser tier runs, scraped through POST /scrape on a sandbox started with
// ALLOW_PRIVATE_TARGETS=1: the target guard lets everything through, so the browser's own rules are what hold.
let server: TestServer;
let pages: Server;
let pagesUrl = '';
let closedPort = 0;

/** An empty shell for tiers 1–2; in a browser its script runs `body` (an async function body). */
const shell = (body: string) => `<!doctype html><title>Probe</title><div id="app"></div>
<script>(async function () { ${body} })();</script>`;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  server = await startTestServer({ allowPrivateTargets: true });
  closedPort = await freePort();
  pages = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://pages');
    const go = (to: string) => shell(`location.href = ${JSON.stringify(to)};`);
    const body =
      url.pathname === '/to-closed-port'
        ? go(`http://127.0.0.1:${closedPort}/`)
        : url.pathname === '/to-unsafe-port'
          ? go('http://127.0.0.1:6000/') // X11's port: Chromium refuses to navigate there at all
          : shell(`
              var outcome;
              try { outcome = 'READ ' + (await (await fetch(${JSON.stringify(`${server.api}/sandbox/info`)})).text()); }
              catch (error) { outcome = 'REFUSED ' + error.name; }
              app.innerHTML = '<p id="out">The page tried to read the sandbox API from another origin: </p>';
              out.append(outcome);
              out.setAttribute('data-done', '');`);
    response.writeHead(200, { 'content-type': 'text/html' }).end(body);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => pages.close(resolve));
});

describe('browser tiers through POST /scrape', () => {
  it.each([
    ['/to-closed-port', () => `127.0.0.1:${closedPort}: ECONNREFUSED`],
    ['/to-unsafe-port', () => 'ERR_UNSAFE_PORT'],
  ])('a page that leaves for the browser’s error page (%s) is NETWORK_ERROR at tier 3, refunded', async (path, why) => {
    const key = await server.newKey('free', 1000);
    const { status, body } = await server.scrape(key, { url: `${pagesUrl}${path}`, formats: ['text'] });
    expect({ status, code: body.error }).toEqual({ status: 503, code: 'NETWORK_ERROR' });
    expect(body.message).toContain(why());
    expect(body.billing).toEqual({ refunded: true, refunded_credits: 5 });
    expect(await server.balance(key)).toBe(1000);
    const steps = (body.details?.escalations ?? []) as Array<{ tier: string; result: string }>;
    expect(steps.map((step) => [step.tier, step.result])).toEqual([
      ['1', 'failed'],
      ['2', 'failed'],
      ['3', 'failed'],
    ]);
  });

  it('a page cannot read the sandbox’s own API from its origin', async () => {
    const key = await server.newKey('free', 1000);
    const { status, body } = await server.scrape(key, {
      url: `${pagesUrl}/read-the-api`,
      formats: ['text'],
      wait_for: '#out[data-done]',
    });
    expect(status).toBe(200);
    expect(JSON.stringify(body.content)).toContain('REFUSED TypeError');
    expect(JSON.stringify(body.content)).not.toContain('sk_test_');
  });
});
