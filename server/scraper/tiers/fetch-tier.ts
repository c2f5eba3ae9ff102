import { pipeline, type Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
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

/** Tier 1 is a plain HTTP client, and says so; the Accept is the one fetch() sent. */
const PLAIN_HEADERS: Record<string, string> = { 'User-Agent': 'AlterLab-Sandbox/1.0', Accept: '*/*' };

const MAX_REDIRECTS = 5;
/** What fetch() and browsers ask for unless told otherwise: brotli only over HTTPS. */
const acceptEncodingFor = (url: string) => (url.startsWith('https:') ? 'br, gzip, deflate' : 'gzip, deflate');
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Tiers 1 and 2: one HTTP request (plus redirects, each checked by the target
 * guard), the body streamed and cut off at 10 MB, all within the scrape's deadline.
 * undici's request(), not its fetch(): the same connection pool without the web streams and the Request and
 * Response objects, which were about a tenth of the sandbox's own time in a tier-1 scrape.
 */
export async function fetchTier(tier: '1' | '2', request: TierRequest, guard: TargetGuard): Promise<FetchedPage> {
  const own: Record<string, string> = tier === '2' ? BROWSER_HEADERS : PLAIN_HEADERS;
  const signedIn = withCredentials(own, request);

  const remaining = request.deadline - Date.now();
  if (remaining <= 0) throw new ScrapeFailure('TIMEOUT', 'The timeout passed before this tier could start');
  const signal = AbortSignal.timeout(remaining);

  let url = request.url;
  for (let hop = 0; ; hop++) {
    // A refused redirect is the guard's own failure: not the target's doing, so not turned into one below.
    await guard.check(url);
    const headers = withEncoding(carriesCredentials(request, url) ? signedIn : own, url);
    try {
      const response = await undici().request(url, { headers, signal, dispatcher: guard.dispatcher });
      const location = headerOf(response.headers, 'location');
      if (response.statusCode >= 300 && response.statusCode < 400 && location && hop < MAX_REDIRECTS) {
        await discard(response);
        url = new URL(location, url).toString();
        continue;
      }
      const body = await readCapped(response);
      return {
        tier,
        finalUrl: url,
        status: response.statusCode,
        contentType: (headerOf(response.headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
        body,
      };
    } catch (error) {
      throw toScrapeFailure(error, signal);
    }
  }
}

/** The headers with an Accept-Encoding, unless they have one (a stored session's own). */
function withEncoding(headers: Record<string, string>, url: string): Record<string, string> {
  const named = Object.keys(headers).some((name) => name.toLowerCase() === 'accept-encoding');
  return named ? headers : { ...headers, 'Accept-Encoding': acceptEncodingFor(url) };
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

type Answer = Awaited<ReturnType<typeof Undici.request>>;

/** A header's value; one sent twice counts by its first. */
function headerOf(headers: Answer['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A body not read: undici's dump() reads a little of it to keep the connection, else closes it, quietly. */
const discard = (response: Answer) => response.body.dump();

// Lenient like a browser (and fetch()): a body cut short gives what arrived instead of failing.
const lenient = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const DECODERS: Record<string, () => Transform> = {
  gzip: () => createGunzip(lenient),
  'x-gzip': () => createGunzip(lenient),
  deflate: () => createInflate(lenient),
  br: () => createBrotliDecompress(),
};

/**
 * The body as the target meant it, decoded from the codings its Content-Encoding names (fetch() did this for
 * tiers 1-2, error pages included: a wall is often a 403, classified by its text); a coding unknown here leaves
 * the body as sent, as fetch() did.
 */
function decoded(response: Answer): AsyncIterable<Buffer> {
  const named = (headerOf(response.headers, 'content-encoding') ?? '').toLowerCase().split(',');
  const codings = named.map((coding) => coding.trim()).filter((coding) => coding !== '' && coding !== 'identity');
  const decoders = codings.reverse().map((coding) => DECODERS[coding]);
  if (decoders.length === 0 || decoders.some((decoder) => !decoder)) return response.body;
  // An error anywhere in the chain ends the last stream with it, which the reading loop then throws.
  return pipeline([response.body, ...decoders.map((decoder) => decoder!())], () => undefined) as Transform;
}

async function readCapped(response: Answer): Promise<Buffer> {
  const declared = Number(headerOf(response.headers, 'content-length'));
  if (declared > MAX_CONTENT_BYTES) {
    await discard(response);
    throw contentTooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Counted as decoded, so a small compressed body cannot unpack past the limit either.
  for await (const chunk of decoded(response)) {
    size += chunk.byteLength;
    // Stop the download here: leaving the loop closes the body, and the rest of the page is never read.
    if (size > MAX_CONTENT_BYTES) throw contentTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * What the connection or the answer did (refused, reset, cut short: undici's and the system's errors carry a code; a
 * Location that is no URL is a TypeError) is the target's doing: NETWORK_ERROR, or TIMEOUT once the deadline has
 * passed. Anything else is a bug, and stays one.
 */
function toScrapeFailure(error: unknown, signal: AbortSignal): unknown {
  if (error instanceof ScrapeFailure) return error;
  if (signal.aborted) return new ScrapeFailure('TIMEOUT', 'The target did not answer within the timeout');
  const { code, message } = error as { code?: unknown; message?: string };
  if (typeof code !== 'string' && !(error instanceof TypeError)) return error;
  const reason = typeof code === 'string' && NETWORK_CODES.has(code) ? code : message;
  return new ScrapeFailure('NETWORK_ERROR', `Could not connect to the target (${reason})`);
}
