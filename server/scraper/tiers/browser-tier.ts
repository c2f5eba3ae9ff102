import { accessSync, constants } from 'node:fs';
import { type Browser, type BrowserContext, type Page, type Response, chromium, errors } from 'playwright-core';
import { ScrapeFailure } from '../scrape-failure';
import { findPowChallenge, solvePow } from '../solvers/pow-solver';
import { type FetchedPage, MAX_CONTENT_BYTES, type TierRequest } from '../types';

export interface BrowserPool {
  fetch(tier: '3' | '4', request: TierRequest): Promise<FetchedPage>;
  readonly available: boolean;
  readonly unavailableReason: string | null;
  close(): Promise<void>;
}

export const CHROMIUM_NOT_FOUND =
  'Chromium not found: install it with `sudo apt-get install -y chromium` or set CHROMIUM_PATH';

// Without the background-networking flags Chromium keeps calling Google's services, which a closed network refuses.
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const LAUNCH_TIMEOUT_MS = 30_000;
/** Long enough for a page's load, script-written content and a challenge's reload; past it the page is read as is. */
const SETTLE_CAP_MS = 10_000;
/** Time kept back from settling, so reading the page never runs into the deadline. */
const SETTLE_MARGIN_MS = 250;
const NETWORK_ERROR =
  /net::(ERR_(?:NAME_|CONNECTION_|ADDRESS_|INTERNET_|NETWORK_|SSL_|CERT_|PROXY_|TUNNEL_|TIMED_OUT|EMPTY_RESPONSE|UNSAFE_PORT)[A-Z_]*)/;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds left before the deadline; Playwright reads a timeout of 0 as "none", so none left is a TIMEOUT. */
function remaining(deadline: number, doing: string): number {
  const left = deadline - Date.now();
  if (left <= 0) throw new ScrapeFailure('TIMEOUT', `The deadline passed while ${doing}`);
  return left;
}

/** A counting semaphore whose waiters give up at the request's deadline. */
function createSlots(size: number) {
  let free = size;
  const waiters: Array<() => void> = [];
  const release = () => {
    const next = waiters.shift();
    if (next) next();
    else free += 1;
  };
  const acquire = (deadline: number) =>
    new Promise<() => void>((resolve, reject) => {
      if (free > 0) {
        free -= 1;
        resolve(release);
        return;
      }
      const grant = () => {
        clearTimeout(timer);
        resolve(release);
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(grant), 1);
        reject(new ScrapeFailure('TIMEOUT', 'Every browser context stayed busy until the deadline'));
      }, deadline - Date.now());
      waiters.push(grant);
    });
  return { acquire };
}

/** One shared Chromium, launched on first use and again after it crashed or disconnected. */
function createBrowserHolder(executablePath: string) {
  let launching: Promise<Browser> | null = null;
  const get = () => {
    if (launching) return launching;
    const current = chromium
      .launch({ executablePath, headless: true, args: LAUNCH_ARGS, timeout: LAUNCH_TIMEOUT_MS })
      .then((browser) => {
        browser.on('disconnected', () => {
          if (launching === current) launching = null;
        });
        return browser;
      });
    current.catch(() => {
      if (launching === current) launching = null;
    });
    launching = current;
    return current;
  };
  const close = async () => {
    const current = launching;
    launching = null;
    await current?.then((browser) => browser.close()).catch(() => undefined);
  };
  return { get, close };
}

export function createBrowserPool(options: { chromiumPath: string | null; maxContexts: number }): BrowserPool {
  const { chromiumPath } = options;
  const available = chromiumPath !== null && isExecutable(chromiumPath);
  const unavailableReason = available ? null : CHROMIUM_NOT_FOUND;
  const slots = createSlots(Math.max(1, Math.floor(options.maxContexts)));
  const browser = available ? createBrowserHolder(chromiumPath) : null;
  let closed = false;

  return {
    available,
    unavailableReason,
    async fetch(tier, request) {
      if (!browser) throw new Error(CHROMIUM_NOT_FOUND);
      if (closed) throw new Error('The browser pool is closed');
      remaining(request.deadline, 'waiting for a browser');
      const release = await slots.acquire(request.deadline);
      if (closed) {
        release();
        throw new Error('The browser pool is closed');
      }
      let context: BrowserContext | null = null;
      try {
        const instance = await browser.get();
        // A fresh context per scrape: cookies and storage never leak from one scrape to the next.
        context = await instance.newContext({
          userAgent: chromeUserAgent(instance.version()),
          viewport: { width: 1366, height: 768 },
          locale: 'en-US',
          acceptDownloads: false,
          serviceWorkers: 'block',
        });
        return await fetchInContext(context, tier, request);
      } catch (error) {
        throw translateError(error, request.deadline);
      } finally {
        await context?.close().catch(() => undefined);
        release();
      }
    },
    async close() {
      closed = true;
      await browser?.close();
    },
  };
}

/** Headless Chromium says "HeadlessChrome" in its UA, which walls look for; a desktop Chrome's UA instead. */
const chromeUserAgent = (version: string) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version.split('.')[0]}.0.0.0 Safari/537.36`;

function translateError(error: unknown, deadline: number): unknown {
  if (error instanceof ScrapeFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof errors.TimeoutError || Date.now() >= deadline) {
    return new ScrapeFailure('TIMEOUT', `The page did not finish before the deadline: ${message.split('\n')[0]}`);
  }
  const network = NETWORK_ERROR.exec(message);
  if (network) return new ScrapeFailure('NETWORK_ERROR', `Could not reach the target (${network[1]})`);
  return error;
}

async function fetchInContext(context: BrowserContext, tier: '3' | '4', request: TierRequest): Promise<FetchedPage> {
  const { deadline } = request;
  const cookies = Object.entries(request.cookies).map(([name, value]) => ({ name, value, url: request.url }));
  if (cookies.length > 0) await context.addCookies(cookies);
  const page = await context.newPage();
  const navigation = trackMainResponse(page);

  try {
    // 'commit', then `load` softly in settle(): a page that navigates while parsing (to a 204, say) never
    // fires load, and must still be read rather than run into the deadline.
    await page.goto(request.url, { waitUntil: 'commit', timeout: remaining(deadline, 'loading the page') });
  } catch (error) {
    throw navigation.tooLarge ? tooLarge() : error;
  }
  await settle(page, deadline);
  if (tier === '4') await answerPowWall(page, deadline);
  if (request.waitFor) {
    await page.waitForSelector(request.waitFor, {
      timeout: remaining(deadline, `waiting for ${request.waitFor}`),
    });
  }

  const response = navigation.last ?? navigation.pending;
  if (navigation.tooLarge) throw tooLarge();
  if (!response) throw new Error('The browser got no response for the page');
  const contentType = (response.headers()['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const isHtml = contentType === 'text/html' || contentType === 'application/xhtml+xml';
  const body = isHtml ? Buffer.from(await readContent(page, deadline)) : await rawBody(context, page.url(), deadline);
  if (body.length > MAX_CONTENT_BYTES) throw tooLarge();
  return { tier, finalUrl: page.url(), status: response.status(), contentType, body };
}

const tooLarge = () => new ScrapeFailure('CONTENT_TOO_LARGE', `The page is larger than ${MAX_CONTENT_BYTES} bytes`);

/**
 * Follows the main frame's navigations (redirects, script reloads, form posts): the page is the last
 * response that became the document. A navigation answered 204 never does, so it does not count.
 */
function trackMainResponse(page: Page) {
  const state: { last: Response | null; pending: Response | null; tooLarge: boolean } = {
    last: null,
    pending: null,
    tooLarge: false,
  };
  page.on('response', (response) => {
    if (!response.request().isNavigationRequest() || response.frame() !== page.mainFrame()) return;
    state.pending = response;
    // A declared size over the limit ends the load now rather than after parsing megabytes. The whole
    // context goes: closing only the page waits seconds for a renderer busy parsing the document.
    if (Number(response.headers()['content-length']) > MAX_CONTENT_BYTES) {
      state.tooLarge = true;
      void page
        .context()
        .close()
        .catch(() => undefined);
    }
  });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || !state.pending) return;
    state.last = state.pending;
    state.pending = null;
  });
  return state;
}

/**
 * Waits for a quiet network (500 ms without requests), so script-written content and script reloads finish,
 * then for `load` if the document is not complete yet. Both are soft and share one bounded budget: a page
 * that never goes quiet is read as it stands. Playwright's own `load` is not enough on its own: a page that
 * starts a navigation while parsing (to a 204, say) completes without Playwright ever reporting it.
 */
async function settle(page: Page, deadline: number): Promise<void> {
  const until = Math.min(Date.now() + SETTLE_CAP_MS, deadline - SETTLE_MARGIN_MS);
  const left = () => until - Date.now();
  if (left() <= 0) return;
  await page.waitForLoadState('networkidle', { timeout: left() }).catch(() => undefined);
  const complete = await page.evaluate(() => document.readyState === 'complete').catch(() => false);
  if (!complete && left() > 0) await page.waitForLoadState('load', { timeout: left() }).catch(() => undefined);
}

/** The serialised DOM; a navigation that starts while reading (a late reload) is waited out and read again. */
async function readContent(page: Page, deadline: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await page.content();
    } catch (error) {
      const navigating = error instanceof Error && /navigat|context was destroyed/i.test(error.message);
      if (!navigating || attempt >= 3) throw error;
      remaining(deadline, 'reading the page');
      await settle(page, deadline);
    }
  }
}

/**
 * Non-HTML bodies are fetched again through the context (same cookies): a navigation's own body is
 * not the file for every type (Chromium's PDF viewer replaces a PDF with its wrapper page).
 */
async function rawBody(context: BrowserContext, url: string, deadline: number): Promise<Buffer> {
  const response = await context.request.get(url, {
    timeout: remaining(deadline, 'downloading the file'),
    failOnStatusCode: false,
  });
  return response.body();
}

/** Tier 4: answers a hashcash-style wall the way a solver would, from inside the page, then reads the result. */
async function answerPowWall(page: Page, deadline: number): Promise<void> {
  const wall = findPowChallenge(await readContent(page, deadline));
  if (!wall) return;
  const nonce = solvePow(wall.challenge, wall.difficulty, deadline);
  if (nonce === null) throw new ScrapeFailure('TIMEOUT', 'The deadline passed while solving the proof-of-work wall');

  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
    timeout: remaining(deadline, 'answering the proof-of-work wall'),
  });
  navigated.catch(() => undefined);
  const submitted = await page.evaluate(submitPowForm, { action: wall.action, challenge: wall.challenge, nonce });
  if (submitted) {
    await navigated;
  } else {
    // No form to fill: post the answer through the context, whose cookie jar the page shares, and reload.
    await page.context().request.post(new URL(wall.action, page.url()).href, {
      form: { challenge: wall.challenge, nonce },
      maxRedirects: 0,
      failOnStatusCode: false,
      timeout: remaining(deadline, 'answering the proof-of-work wall'),
    });
    await page.reload({ waitUntil: 'commit', timeout: remaining(deadline, 'loading the page') });
  }
  await settle(page, deadline);
}

/** Runs in the page: fills the wall's own form and submits it, as a person's browser would. */
function submitPowForm({ action, challenge, nonce }: { action: string; challenge: string; nonce: string }): boolean {
  const target = new URL(action, location.href).href;
  const form = Array.from(document.forms).find(
    (candidate) => candidate.action === target && candidate.elements.namedItem('nonce') instanceof HTMLInputElement,
  );
  if (!form) return false;
  (form.elements.namedItem('nonce') as HTMLInputElement).value = nonce;
  const challengeInput = form.elements.namedItem('challenge');
  if (challengeInput instanceof HTMLInputElement) challengeInput.value = challenge;
  // The prototype's submit: an input named "submit" would shadow form.submit.
  HTMLFormElement.prototype.submit.call(form);
  return true;
}
