import type { BrowserContext, Page, Request, Response } from 'playwright-core';
import { MAX_CONTENT_BYTES } from '../../../contract/scrape-defaults';
import { contentTooLarge, ScrapeFailure } from '../scrape-failure';
import type { TargetGuard } from '../target-guard';
import type { FetchedPage, TierRequest } from '../types';
import { giveCredentials } from './browser-credentials';
import { answerPowWall } from './browser-pow';
import { readContent, remaining, screenshotOf, settle } from './browser-settle';
import type { GuardProxy } from './guard-proxy';

const NETWORK_ERROR =
  /net::(ERR_(?:NAME_|CONNECTION_|ADDRESS_|INTERNET_|NETWORK_|SSL_|CERT_|PROXY_|TUNNEL_|SOCKS_|TIMED_OUT|EMPTY_RESPONSE|UNSAFE_PORT)[A-Z_]*)(?: at (\S+))?/;

// By name, not `instanceof errors.TimeoutError`: importing playwright-core's value here would load all of it
// (~90 MiB) when the server starts, though most servers never open a browser.
const isPlaywrightTimeout = (error: unknown) => error instanceof Error && error.name === 'TimeoutError';

export function translateError(error: unknown, deadline: number, proxy: GuardProxy | null = null): unknown {
  if (error instanceof ScrapeFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (isPlaywrightTimeout(error) || Date.now() >= deadline) {
    return new ScrapeFailure('TIMEOUT', `The page did not finish before the deadline: ${message.split('\n')[0]}`);
  }
  const network = NETWORK_ERROR.exec(message);
  if (network) return unreachable(network[1]!, network[2] ?? null, proxy);
  return error;
}

/** A page the browser could not load; a SOCKS error is the guard's proxy's doing, which knows why. */
function unreachable(netError: string, url: string | null, proxy: GuardProxy | null): ScrapeFailure {
  const why = (netError.startsWith('ERR_SOCKS_') && proxy?.problemWith(url)) || netError;
  return new ScrapeFailure('NETWORK_ERROR', `Could not reach ${url ?? 'the target'} (${why})`);
}

export async function fetchInContext(
  context: BrowserContext,
  tier: '3' | '4',
  request: TierRequest,
  guard: TargetGuard,
  proxy: GuardProxy | null = null,
): Promise<FetchedPage> {
  const { deadline } = request;
  await giveCredentials(context, request);
  const page = await context.newPage();
  const navigation = trackMainResponse(page);

  try {
    // 'commit', then `load` softly in settle(): a page that navigates while parsing (to a 204, say) never
    // fires load, and must still be read rather than run into the deadline.
    await page.goto(request.url, { waitUntil: 'commit', timeout: remaining(deadline, 'loading the page') });
  } catch (error) {
    throw navigation.tooLarge ? contentTooLarge() : error;
  }
  // A navigation that failed after the page loaded (a script's, a redirect's, a refused one) leaves Chromium's
  // error page in its place: that is no content of the target's, and never a success.
  const refuseErrorPage = () => {
    if (!page.url().startsWith('chrome-error:')) return;
    const failed = navigation.failed;
    throw unreachable(failed?.error ?? 'the browser showed its error page', failed?.url ?? null, proxy);
  };
  await settle(page, deadline, request.waitUntil);
  refuseErrorPage();
  if (tier === '4') await answerPowWall(page, deadline, guard);
  if (request.waitFor) {
    await page.waitForSelector(request.waitFor, {
      timeout: remaining(deadline, `waiting for ${request.waitFor}`),
    });
  }
  refuseErrorPage();

  const response = navigation.last ?? navigation.pending;
  if (navigation.tooLarge) throw contentTooLarge();
  if (!response) throw new Error('The browser got no response for the page');
  const contentType = (response.headers()['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const isHtml = contentType === 'text/html' || contentType === 'application/xhtml+xml';
  // The body is fetched again by the context's own HTTP client (through the same proxy): a refusal is told here.
  if (!isHtml) await guard.check(page.url());
  const body = isHtml ? Buffer.from(await readContent(page, deadline)) : await rawBody(context, page.url(), deadline);
  if (body.length > MAX_CONTENT_BYTES) throw contentTooLarge();
  // Of a document only: a file's "page" is the browser's own viewer.
  const screenshot = request.screenshot && isHtml ? await screenshotOf(page, deadline) : undefined;
  return { tier, finalUrl: page.url(), status: response.status(), contentType, body, screenshot };
}

/**
 * Follows the main frame's navigations (redirects, script reloads, form posts): the page is the last
 * response that became the document. A navigation answered 204 never does, so it does not count.
 */
function trackMainResponse(page: Page) {
  const state = {
    last: null as Response | null,
    pending: null as Response | null,
    tooLarge: false,
    /** The main frame's last navigation that failed, with the net error it failed with. */
    failed: null as { url: string; error: string } | null,
  };
  const isMainNavigation = (request: Request) => request.isNavigationRequest() && request.frame() === page.mainFrame();
  page.on('requestfailed', (request) => {
    const error = (request.failure()?.errorText ?? 'failed').replace(/^net::/, '');
    // An aborted navigation was only superseded by another one: it leaves no error page behind.
    if (error === 'ERR_ABORTED' || !isMainNavigation(request)) return;
    state.failed = { url: request.url(), error };
  });
  page.on('response', (response) => {
    if (!isMainNavigation(response.request())) return;
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
