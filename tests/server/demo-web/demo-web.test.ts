import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildDemoWeb } from '../../../server/demo-web/app';
import { findPowChallenge, solvePow } from '../../../server/scraper/solvers/pow-solver';

const BROWSER_HEADERS = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  'accept-language': 'en-US,en;q=0.9',
  'sec-ch-ua': '"Chromium";v="156", "Not:A-Brand";v="8"',
};

/** What a client that does not run scripts shows of a page's body. */
const visibleBodyText = (html: string) =>
  (/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '')
    .replace(/<(script|style|noscript)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .trim();

let demoWeb: FastifyInstance;
let base: string;

beforeAll(async () => {
  demoWeb = await buildDemoWeb();
  base = await demoWeb.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => demoWeb.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers, redirect: 'manual' });

describe('the demo web', () => {
  it('links every page from the index and never lets a page be cached', async () => {
    const response = await get('/');
    const html = await response.text();
    for (const path of ['/article', '/headers-check', '/js-rendered', '/challenge', '/antibot', '/huge', '/premium']) {
      expect(html).toContain(`href="${path}"`);
    }
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await get('/article')).headers.get('cache-control')).toBe('no-store');
  });

  it('refuses /headers-check to a plain client and serves it to browser headers', async () => {
    const refused = await get('/headers-check');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('text/html');
    expect(await refused.text()).toContain('Access denied: automated client detected');
    const { 'sec-ch-ua': _dropped, ...withoutClientHints } = BROWSER_HEADERS;
    expect((await get('/headers-check', withoutClientHints)).status).toBe(403);
    const served = await get('/headers-check', BROWSER_HEADERS);
    expect(served.status).toBe(200);
    expect(await served.text()).toContain('<h1>Browser headers accepted</h1>');
  });

  it('serves /js-rendered as a shell with no visible text and a script', async () => {
    const html = await (await get('/js-rendered')).text();
    expect(html).toContain('<div id="app"></div>');
    expect(html).toContain('<script>');
    expect(visibleBodyText(html)).toBe('');
  });

  it('shows the /challenge interstitial with 403 until its cookie is sent', async () => {
    const wall = await get('/challenge');
    expect(wall.status).toBe(403);
    const html = await wall.text();
    expect(html).toContain('<title>Just a moment...</title>');
    expect(html).toContain('Checking your browser before accessing');
    expect(html).toContain('<noscript><p>Enable JavaScript and cookies to continue</p></noscript>');
    expect(html).toContain("document.cookie = 'demo_challenge=passed; path=/'");
    const passed = await get('/challenge', { cookie: 'demo_challenge=passed' });
    expect(passed.status).toBe(200);
    expect(await passed.text()).toContain('Challenge passed');
  });

  it('opens /antibot only to a solved proof of work', async () => {
    const wall = await get('/antibot');
    expect(wall.status).toBe(403);
    const html = await wall.text();
    expect(html).toContain('Verify you are human');
    expect(html).toContain('Access denied: bot protection');
    expect(html).toContain('<form method="post" action="/antibot/verify" id="pow-form">');
    const puzzle = findPowChallenge(html);
    expect(puzzle).toMatchObject({ difficulty: 16, action: '/antibot/verify' });
    const { challenge } = puzzle!;

    const nonce = solvePow(challenge, 16, Date.now() + 10_000)!;
    const verify = (body: BodyInit, type: string) =>
      fetch(`${base}/antibot/verify`, { method: 'POST', body, headers: { 'content-type': type }, redirect: 'manual' });
    const solved = await verify(
      new URLSearchParams({ challenge, nonce }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(solved.status).toBe(303);
    expect(solved.headers.get('location')).toBe('/antibot');
    const setCookie = solved.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^demo_pow=[^;]+; Path=\/; HttpOnly$/);
    const opened = await get('/antibot', { cookie: setCookie.split(';')[0]! });
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('Behind the bot wall');

    const asJson = await verify(JSON.stringify({ challenge, nonce }), 'application/json');
    expect(asJson.status).toBe(303);

    let wrong = 0;
    while (createHash('sha256').update(`${challenge}${wrong}`).digest('hex').startsWith('0000')) wrong++;
    const refused = [
      { challenge, nonce: String(wrong) },
      { challenge: `${challenge.slice(0, -1)}${challenge.endsWith('0') ? '1' : '0'}`, nonce },
      { challenge, nonce: '' },
    ];
    for (const body of refused) {
      expect((await verify(JSON.stringify(body), 'application/json')).status).toBe(403);
    }
    expect((await get('/antibot', { cookie: 'demo_pow=forged.9999999999999.abc' })).status).toBe(403);
  });

  it('answers /slow after the delay asked for, and refuses a bad one', async () => {
    const started = Date.now();
    const response = await get('/slow?ms=150');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('waited 150 ms');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect((await get('/slow?ms=soon')).status).toBe(400);
    expect((await get('/slow?ms=-5')).status).toBe(200);
  });

  it('stops /slow when the client gives up', async () => {
    await expect(fetch(`${base}/slow?ms=60000`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect((await get('/article')).status).toBe(200);
  });

  it('streams /huge past 10 MB with its Content-Length, and survives a client that aborts', async () => {
    const response = await get('/huge');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const declared = Number(response.headers.get('content-length'));
    expect(declared).toBe(11 * 1024 * 1024);
    let received = 0;
    let chunks = 0;
    for await (const chunk of response.body!) {
      received += chunk.byteLength;
      chunks += 1;
    }
    expect(received).toBe(declared);
    expect(chunks).toBeGreaterThan(10);

    const controller = new AbortController();
    const partial = await fetch(`${base}/huge`, { signal: controller.signal });
    const reader = partial.body!.getReader();
    expect((await reader.read()).value!.byteLength).toBeGreaterThan(0);
    controller.abort();
    expect((await get('/article')).status).toBe(200);
  });

  it('serves /report.pdf as a real PDF with its text', async () => {
    const response = await get('/report.pdf');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.numPages).toBe(1);
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('Quarterly report');
    expect(text).toContain('Revenue grew 12 percent in the third quarter.');
  });

  it('serves /scan.png as a PNG', async () => {
    const response = await get('/scan.png');
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.readUInt32BE(16)).toBe(900);
    expect(bytes.readUInt32BE(20)).toBe(200);
  });

  it('serves /garbled as "UTF-8 HTML" that decodes to mostly replacement and control characters', async () => {
    const response = await get('/garbled');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(32 * 1024);
    expect(Buffer.from(await (await get('/garbled')).arrayBuffer())).toEqual(bytes);
    const text = new TextDecoder('utf-8').decode(bytes);
    // eslint-disable-next-line no-control-regex
    const bad = text.match(/[\uFFFD\u0000-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
    expect(bad / text.length).toBeGreaterThan(0.1);
  });

  it('shows /members as a sign-in form unless the session cookie is sent', async () => {
    const wall = await (await get('/members')).text();
    expect(wall).toContain('<h1>Sign in to continue</h1>');
    expect(wall).toContain('type="password"');
    expect(visibleBodyText(wall).length).toBeLessThan(60);
    const member = await get('/members', { cookie: 'theme=dark; demo_session=valid' });
    expect(member.status).toBe(200);
    const html = await member.text();
    expect(html).toContain('Welcome back, member');
    expect(html).not.toContain('type="password"');
    expect(await (await get('/members', { cookie: 'demo_session=expired' })).text()).toContain('Sign in to continue');
  });

  it("marks /premium with Google's paywall structured data", async () => {
    const response = await get('/premium');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<div class="paywall">Subscribe to continue reading</div>');
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
    expect(JSON.parse(jsonLd!)).toMatchObject({
      isAccessibleForFree: false,
      hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall' },
    });
  });

  it('builds /hostile with absolute beacons to its own origin', async () => {
    const html = await (await get('/hostile')).text();
    expect(html).toContain('<h1>Hostile page</h1>');
    for (const via of [
      'fetch',
      'sendBeacon',
      'image-js',
      'top-navigation',
      'script-src',
      'img',
      'css',
      'iframe',
      'form',
    ]) {
      expect(html).toContain(`${base}/beacon?via=${via}`);
    }
    expect(html).toContain(`<meta http-equiv="refresh" content="5;url=${base}/beacon?via=meta-refresh">`);
    expect(html).toContain("window.parent.document.title = 'pwned'");
    // fetch cannot send a forged Host header; inject can.
    const spoofed = (await demoWeb.inject({ url: '/hostile', headers: { host: 'evil"><script>' } })).body;
    expect(spoofed).not.toContain('evil');
    expect(spoofed).toContain('<img src="/beacon?via=img"');
  });

  it('counts /beacon hits by "via" until reset', async () => {
    await fetch(`${base}/beacon/reset`, { method: 'POST' });
    expect((await get('/beacon?via=img')).headers.get('content-type')).toBe('image/gif');
    expect((await get('/beacon?via=script-src')).headers.get('content-type')).toContain('javascript');
    expect((await get('/beacon?via=css')).headers.get('content-type')).toContain('text/css');
    expect((await fetch(`${base}/beacon?via=sendBeacon`, { method: 'POST', body: 'stolen' })).status).toBe(204);
    const form = new URLSearchParams({ stolen: 'x' });
    expect((await fetch(`${base}/beacon?via=form`, { method: 'POST', body: form })).status).toBe(204);
    expect((await get('/beacon?via=__proto__')).status).toBe(204);
    expect((await get('/beacon')).status).toBe(204);

    const counted = await get('/beacon/count');
    expect(counted.headers.get('access-control-allow-origin')).toBe('*');
    expect(await counted.json()).toEqual({
      count: 7,
      via: { img: 1, 'script-src': 1, css: 1, sendBeacon: 1, form: 1, ['__proto__']: 1, '(none)': 1 },
    });
    await fetch(`${base}/beacon/reset`, { method: 'POST' });
    expect(await (await get('/beacon/count')).json()).toEqual({ count: 0, via: {} });
  });
});
