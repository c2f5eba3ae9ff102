import type * as Undici from 'undici';
import { MAX_CONTENT_BYTES } from '../../../contract/scrape-defaults';
import { carriesCredentials, cookieHeader } from '../credentials';
import { undici } from '../lazy-module';
import { contentTooLarge, ScrapeFailure } from '../scrape-failure';
import type { FetchedPage, TierRequest } from '../types';
import type { TargetGuard } from '../target-guard';

/** Tier 2 looks like Chrome on a desktop: the headers a browser check reads first. */
const BROWSER_HEADERS: Record<string, string> = {
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
  'Accept-Language': 'en-US,en;q=0.9',
  'sec-ch-ua': '"Chromium";v="156", "Not.A/Brand";v="99"',
  'sec-ch-ua-mobile': '?0',
  'sec-ch-ua-platform': '"Linux"',
  'sec-fetch-dest': 'document',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-site': 'none',
  'sec-fetch-user': '?1',
  'upgrade-insecure-requests': '1',
};

const MAX_REDIRECTS = 5;
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Tiers 1 and 2: one HTTP request (plus redirects, each checked by the target
 * guard), the body streamed and cut off at 10 MB, all within the scrape's deadline.
 */
export async function fetchTier(tier: '1' | '2', request: TierRequest, guard: TargetGuard): Promise<FetchedPage> {
  const own: Record<string, string> = tier === '2' ? BROWSER_HEADERS : { 'User-Agent': 'AlterLab-Sandbox/1.0' };
  const signedIn = withCredentials(own, request);

  const remaining = request.deadline - Date.now();
  if (remaining <= 0) throw new ScrapeFailure('TIMEOUT', 'The timeout passed before this tier could start');
  const signal = AbortSignal.timeout(remaining);

  try {
    let url = request.url;
    for (let hop = 0; ; hop++) {
      await guard.check(url);
      const headers = carriesCredentials(request, url) ? signedIn : own;
      const response = await undici().fetch(url, { headers, redirect: 'manual', signal, dispatcher: guard.dispatcher });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location && hop < MAX_REDIRECTS) {
        await response.body?.cancel();
        url = new URL(location, url).toString();
        continue;
      }
      const body = await readCapped(response);
      return {
        tier,
        finalUrl: url,
        status: response.status,
        contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
        body,
      };
    }
  } catch (error) {
    throw toScrapeFailure(error, signal);
  }
}

/** The tier's headers with the request's own over them (a stored User-Agent wins), and its cookies. */
function withCredentials(own: Record<string, string>, request: TierRequest): Record<string, string> {
  const sent = { ...request.headers };
  const names = new Set(Object.keys(sent).map((name) => name.toLowerCase()));
  const headers = Object.fromEntries(Object.entries(own).filter(([name]) => !names.has(name.toLowerCase())));
  const cookie = cookieHeader(request.cookies);
  if (cookie) {
    for (const name of Object.keys(sent)) if (name.toLowerCase() === 'cookie') delete sent[name];
    sent.Cookie = cookie;
  }
  return { ...headers, ...sent };
}

async function readCapped(response: Undici.Response): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_CONTENT_BYTES) {
    await response.body?.cancel();
    throw contentTooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_CONTENT_BYTES) {
      // Stop the download here: the rest of the page is never read.
      await reader.cancel();
      throw contentTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function toScrapeFailure(error: unknown, signal: AbortSignal): unknown {
  if (error instanceof ScrapeFailure) return error;
  if (signal.aborted) return new ScrapeFailure('TIMEOUT', 'The target did not answer within the timeout');
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code && NETWORK_CODES.has(cause.code)) {
    return new ScrapeFailure('NETWORK_ERROR', `Could not connect to the target (${cause.code})`);
  }
  if (error instanceof TypeError) {
    return new ScrapeFailure('NETWORK_ERROR', `Could not connect to the target (${cause?.code ?? error.message})`);
  }
  return error;
}
