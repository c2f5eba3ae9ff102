import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildDemoWeb } from '../../../../server/demo-web/app';
import { CHROMIUM_MISSING } from '../../../../server/lib/chromium.mjs';
import { ScrapeFailure } from '../../../../server/scraper/scrape-failure';
import { type BrowserPool, createBrowserPool } from '../../../../server/scraper/tiers/browser-tier';
import type { TierRequest } from '../../../../server/scraper/types';

const HOLD_MS = 400;
/** A held load waits this long at most for a second one: on a loaded machine the second context can be slow. */
const PAIR_WAIT_MS = 5_000;

/**
 * A second target for what the demo web does not show: how many page loads are in flight at once,
 * and a proof-of-work wall described by meta tags alone (no form to fill).
 */
function startProbe() {
  const probe = { inFlight: 0, peak: 0, url: '' };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://probe');
    if (url.pathname === '/hold') {
      probe.inFlight += 1;
      probe.peak = Math.max(probe.peak, probe.inFlight);
      // Held until a second load is in flight too, then HOLD_MS more: a pool that allowed more contexts would
      // have a third load arrive inside that time, whatever the machine's speed.
      const release = () => {
        probe.inFlight -= 1;
        response.writeHead(200, { 'content-type': 'text/html' }).end('<title>Held</title><p>Held a while.</p>');
      };
      const started = Date.now();
      const wait = setInterval(() => {
        if (probe.peak >= 2 || Date.now() - started >= PAIR_WAIT_MS) {
          clearInterval(wait);
          setTimeout(release, HOLD_MS);
        }
      }, 10);
    } else if (url.pathname === '/wall' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const nonce = new URLSearchParams(body).get('nonce') ?? '';
        const digest = createHash('sha256').update(`fixed-challenge${nonce}`).digest('hex');
        const passed = digest.startsWith('00');
        response.writeHead(
          passed ? 303 : 403,
          passed ? { location: '/wall', 'set-cookie': 'probe_pass=1; Path=/' } : {},
        );
        response.end();
      });
    } else if (url.pathname === '/wall') {
      const passed = (request.headers.cookie ?? '').includes('probe_pass=1');
      response.writeHead(passed ? 200 : 403, { 'content-type': 'text/html' });
      response.end(
        passed
          ? '<title>Through</title><h1>Through the meta-only wall</h1>'
          : '<meta name="pow-challenge" content="fixed-challenge"><meta name="pow-difficulty" content="8">' +
              '<meta name="pow-action" content="/wall"><h1>Verify you are human</h1>',
      );
    } else {
      response.writeHead(404).end();
    }
  });
  return { probe, server };
}

let demoWeb: FastifyInstance;
let base: string;
let pool: BrowserPool;
const { probe, server: probeServer } = startProbe();

beforeAll(async () => {
  demoWeb = await buildDemoWeb();
  base = await demoWeb.listen({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => probeServer.listen(0, '127.0.0.1', resolve));
  probe.url = `http://127.0.0.1:${(probeServer.address() as AddressInfo).port}`;
  pool = createBrowserPool({ chromiumPath: '/usr/bin/chromium', maxContexts: 2 });
});
afterAll(async () => {
  await pool.close();
  await demoWeb.close();
  await new Promise((resolve) => probeServer.close(resolve));
});

const request = (url: string, extra: Partial<TierRequest> = {}): TierRequest => ({
  url,
  deadline: Date.now() + 15_000,
  cookies: {},
  ...extra,
});
const text = (body: Buffer) => body.toString('utf8');
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('the browser tiers', () => {
  it('renders script-written content at tier 3', async () => {
    const page = await pool.fetch('3', request(`${base}/js-rendered`));
    expect(page).toMatchObject({ tier: '3', status: 200, contentType: 'text/html', finalUrl: `${base}/js-rendered` });
    expect(text(page.body)).toContain('<h1>Rendered by script</h1>');
    expect(text(page.body)).toContain('<title>Rendered by script</title>');
  });

  it('looks like a desktop browser to a header check', async () => {
    const page = await pool.fetch('3', request(`${base}/headers-check`));
    expect(page.status).toBe(200);
  });

  it('passes a script challenge that sets a cookie and reloads', async () => {
    const page = await pool.fetch('3', request(`${base}/challenge`));
    expect(page.status).toBe(200);
    expect(text(page.body)).toContain('Challenge passed');
  });

  it('stays blocked by a proof-of-work wall at tier 3 and solves it at tier 4', async () => {
    const blocked = await pool.fetch('3', request(`${base}/antibot`));
    expect(blocked.status).toBe(403);
    expect(text(blocked.body)).toContain('<meta name="pow-challenge"');

    const solved = await pool.fetch('4', request(`${base}/antibot`));
    expect(solved).toMatchObject({ tier: '4', status: 200, finalUrl: `${base}/antibot` });
    expect(text(solved.body)).toContain('Behind the bot wall');
  });

  it('answers a wall that has no form by posting to its action', async () => {
    const page = await pool.fetch('4', request(`${probe.url}/wall`));
    expect(page.status).toBe(200);
    expect(text(page.body)).toContain('Through the meta-only wall');
  });

  it('reads a page that navigates away while parsing, without waiting for the deadline', async () => {
    const started = Date.now();
    const page = await pool.fetch('3', request(`${base}/hostile`));
    // Its form post and top navigation are answered 204: they never replace the document.
    expect(page).toMatchObject({ status: 200, contentType: 'text/html', finalUrl: `${base}/hostile` });
    expect(text(page.body)).toContain('<h1>Hostile page</h1>');
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('waits for a selector, and times out when it never appears', async () => {
    const page = await pool.fetch('3', request(`${base}/js-rendered`, { waitFor: '#app li' }));
    expect(text(page.body)).toContain('<li>Tier 3 runs this script</li>');

    const started = Date.now();
    const failure = await failureOf(
      pool.fetch('3', request(`${base}/article`, { waitFor: '#never', deadline: Date.now() + 1_500 })),
    );
    expect(failure).toBeInstanceOf(ScrapeFailure);
    expect(failure).toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('times out on a page that answers after the deadline', async () => {
    const started = Date.now();
    const failure = await failureOf(pool.fetch('3', request(`${base}/slow?ms=5000`, { deadline: Date.now() + 800 })));
    expect(failure).toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('sends the request cookies, and never carries them into the next scrape', async () => {
    const member = await pool.fetch('3', request(`${base}/members`, { cookies: { demo_session: 'valid' } }));
    expect(text(member.body)).toContain('Welcome back, member');
    const stranger = await pool.fetch('3', request(`${base}/members`));
    expect(text(stranger.body)).toContain('Sign in to continue');
  });

  it('returns the raw bytes of a non-HTML page', async () => {
    const page = await pool.fetch('3', request(`${base}/report.pdf`));
    expect(page.contentType).toBe('application/pdf');
    expect(page.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses a page over 10 MB', async () => {
    const failure = await failureOf(pool.fetch('3', request(`${base}/huge`)));
    expect(failure).toMatchObject({ code: 'CONTENT_TOO_LARGE' });
  });

  it('reports an unreachable host as NETWORK_ERROR', async () => {
    const failure = await failureOf(pool.fetch('3', request('http://unreachable.invalid/')));
    expect(failure).toBeInstanceOf(ScrapeFailure);
    expect(failure).toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('never has more contexts open than maxContexts', async () => {
    probe.peak = 0;
    const started = Date.now();
    const pages = await Promise.all(Array.from({ length: 4 }, () => pool.fetch('3', request(`${probe.url}/hold`))));
    expect(pages.map((page) => page.status)).toEqual([200, 200, 200, 200]);
    expect(probe.peak).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * HOLD_MS);
  });

  it('launches Chromium again after it crashed', async () => {
    expect((await pool.fetch('3', request(`${base}/article`))).status).toBe(200);
    // Only this worker's own Chromium: its direct children named chromium, killed by pid.
    const ours = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /chrom/.test(line))
      .map((line) => Number(line.trim().split(/\s+/)[0]));
    expect(ours.length).toBeGreaterThan(0);
    for (const pid of ours) process.kill(pid, 'SIGKILL');
    // Wait until the killed processes are really gone, rather than for a fixed time.
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await vi.waitFor(() => expect(ours.filter(alive)).toEqual([]), { timeout: 5_000, interval: 50 });
    expect((await pool.fetch('3', request(`${base}/article`))).status).toBe(200);
  });

  it('says why when Chromium is missing', async () => {
    for (const chromiumPath of [null, '/nonexistent/chromium']) {
      const missing = createBrowserPool({ chromiumPath, maxContexts: 1 });
      expect(missing.available).toBe(false);
      expect(missing.unavailableReason).toBe(CHROMIUM_MISSING);
      expect(CHROMIUM_MISSING).toContain('sudo apt-get install -y chromium');
      await expect(missing.fetch('3', request(`${base}/article`))).rejects.toThrow(CHROMIUM_MISSING);
      await missing.close();
    }
  });
});
