import { readdirSync, readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrapeRequestSchema } from '../../../contract/scrape';
import { buildDemoWeb } from '../../../server/demo-web/app';
import { classify } from '../../../server/scraper/classify';
import { runScrape } from '../../../server/scraper/scrape-engine';
import { createTargetGuard } from '../../../server/scraper/target-guard';
import { createBrowserPool } from '../../../server/scraper/tiers/browser-tier';

// Ordinary pages that talk about walls, logins, paywalls, CAPTCHAs and JavaScript: none of them is a wall.
const CORPUS_DIR = path.join(import.meta.dirname, 'fixtures', 'ordinary-pages');
const corpus = readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.html'));

const htmlPage = (html: string, status = 200) => ({
  tier: '1' as const,
  finalUrl: 'https://example.com/',
  status,
  contentType: 'text/html',
  body: Buffer.from(html),
});
const verdictOf = (html: string, status = 200) => classify(htmlPage(html, status), 'auto');

let demoWeb: FastifyInstance;
let demoWebUrl = '';
let corpusServer: Server;
let corpusUrl = '';
beforeAll(async () => {
  demoWeb = await buildDemoWeb();
  demoWebUrl = await demoWeb.listen({ host: '127.0.0.1', port: 0 });
  corpusServer = createServer((request, response) => {
    const name = path.basename(request.url ?? '');
    if (!corpus.includes(name)) return void response.writeHead(404).end();
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(readFileSync(path.join(CORPUS_DIR, name)));
  });
  await new Promise<void>((resolve) => corpusServer.listen(0, '127.0.0.1', resolve));
  corpusUrl = `http://127.0.0.1:${(corpusServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await demoWeb.close();
  await new Promise((resolve) => corpusServer.close(resolve));
});

describe('the classifier on ordinary pages', () => {
  it('has a corpus to read', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(6);
  });

  it.each(corpus)('reads %s as content, not a wall', (name) => {
    expect(verdictOf(readFileSync(path.join(CORPUS_DIR, name), 'utf8'))).toEqual({ kind: 'ok' });
  });

  it.each(corpus)('scrapes %s as a 200 at tier 1', async (name) => {
    const deps = {
      guard: createTargetGuard({ allowPrivate: false, demoWebUrl: corpusUrl }),
      browser: createBrowserPool({ chromiumPath: null, maxContexts: 1 }),
    };
    const result = await runScrape(scrapeRequestSchema.parse({ url: `${corpusUrl}/${name}` }), {}, deps);
    expect(result).toMatchObject({ kind: 'success', tier: '1', page: { status: 200 } });
  });
});

describe('the classifier on walls', () => {
  const demoPage = async (pagePath: string) => {
    const response = await fetch(`${demoWebUrl}${pagePath}`);
    return classify({ ...htmlPage('', response.status), body: Buffer.from(await response.arrayBuffer()) }, 'auto');
  };

  it.each([
    ['/challenge', 'escalate', 'CHALLENGE_DETECTED'],
    ['/antibot', 'escalate', 'BLOCKED_BY_ANTIBOT'],
    ['/members', 'fail', 'REQUIRES_AUTH'],
    ['/premium', 'fail', 'PAYWALL_DETECTED'],
    ['/js-rendered', 'escalate', 'EXTRACTION_FAILED'],
    ['/garbled', 'fail', 'EXTRACTION_FAILED'],
  ])('recognises the demo web’s %s', async (pagePath, kind, code) => {
    expect(await demoPage(pagePath)).toMatchObject({ kind, code });
  });

  it('reads the demo web’s article as content', async () => {
    expect(await demoPage('/article')).toEqual({ kind: 'ok' });
  });

  const wall = (title: string, body: string) =>
    `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;

  it.each([
    [
      'a CAPTCHA widget that is the whole page',
      wall(
        'example.com',
        '<h1>One more check</h1><form><div class="g-recaptcha" data-sitekey="k"></div><button>Continue</button></form>',
      ),
      200,
      'BLOCKED_BY_ANTIBOT',
    ],
    [
      'a short page headed "Access denied"',
      wall('Access Denied', '<h1>Access Denied</h1><p>Reference #18.2f1</p>'),
      200,
      'BLOCKED_BY_ANTIBOT',
    ],
    [
      'an interstitial with a challenge form, served 503',
      wall('Attention', '<div id="challenge-running">Checking…</div><form id="challenge-form"></form>'),
      503,
      'CHALLENGE_DETECTED',
    ],
    [
      'a short sign-in page',
      wall(
        'Members',
        '<h2>Please log in</h2><form><input name="u"><input type="password" name="p"><input type="submit" value="Go"></form>',
      ),
      200,
      'REQUIRES_AUTH',
    ],
    [
      'a teaser with a visible paywall box',
      wall(
        'Story',
        '<article><h1>Story</h1><p>The first lines.</p><div class="c-paywall">Subscribe to keep reading</div></article>',
      ),
      200,
      'PAYWALL_DETECTED',
    ],
  ])('recognises %s', (_name, html, status, code) => {
    expect(verdictOf(html, status)).toMatchObject({ code });
  });

  it('does not call a paywall box that the page hides a wall', () => {
    const html = wall(
      'Story',
      '<article><h1>Story</h1><p>All of it.</p><div class="paywall" hidden>Subscribe</div></article>',
    );
    expect(verdictOf(html)).toEqual({ kind: 'ok' });
  });
});
