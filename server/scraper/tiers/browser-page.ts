import { type BrowserContext, type Page, type Response, errors } from 'playwright-core';
import { ScrapeFailure } from '../scrape-failure';
import type { TargetGuard } from '../target-guard';
import { type FetchedPage, MAX_CONTENT_BYTES, type TierRequest } from '../types';
import { answerPowWall } from './browser-pow';
import { readContent, remaining, settle } from './browser-settle';

const NETWORK_ERROR =
  /net::(ERR_(?:NAME_|CONNECTION_|ADDRESS_|INTERNET_|NETWORK_|SSL_|CERT_|PROXY_|TUNNEL_|TIMED_OUT|EMPTY_RESPONSE|UNSAFE_PORT)[A-Z_]*)/;

export function translateError(error: unknown, deadline: number): unknown {
  if (error instanceof ScrapeFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof errors.TimeoutError || Date.now() >= deadline) {
    return new ScrapeFailure('TIMEOUT', `The page did not finish before the deadline: ${message.split('\n')[0]}`);
  }
  const network = NETWORK_ERROR.exec(message);
  if (network) return new ScrapeFailure('NETWORK_ERROR', `Could not reach the target (${network[1]})`);
  return error;
}

export async function fetchInContext(
  context: BrowserContext,
  tier: '3' | '4',
  request: TierRequest,
  guard: TargetGuard,
): Promise<FetchedPage> {
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
  if (tier === '4') await answerPowWall(page, deadline, guard);
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
  // The body is fetched again outside the page, where the context's route does not apply: guard it here.
  if (!isHtml) await guard.check(page.url());
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
