import {
  cookieHeaderValue,
  looksLikeNetscape,
  PasteError,
  readJson,
  readNetscape,
  readPairs,
  type PastedCookie,
} from './cookie-formats';

export type CookieFormat = 'pairs' | 'cookie-header' | 'json-object' | 'json-array' | 'netscape';

export const FORMAT_LABEL: Record<CookieFormat, string> = {
  pairs: 'name=value pairs',
  'cookie-header': 'a Cookie: request header',
  'json-object': 'a JSON object',
  'json-array': 'a cookie-export extension’s JSON',
  netscape: 'a Netscape cookies.txt',
};

export interface DroppedCookie {
  name: string;
  domain: string | null;
  reason: 'other-domain' | 'expired' | 'repeated';
}

/** What a paste holds once read: the cookies to store, and what was left out and why. */
export interface CookiePaste {
  format: CookieFormat;
  /** Name → value, ready for the API (built with Object.fromEntries, so even a `__proto__` cookie is data). */
  cookies: Record<string, string>;
  names: string[];
  /** The soonest expiry of the cookies kept, as an ISO date; null when none says when it ends. */
  earliestExpiry: string | null;
  dropped: DroppedCookie[];
  /** The sites the paste's cookies name (cookies.txt and exports do), to suggest one when no domain is typed. */
  sites: string[];
}

export type CookieParse = { ok: true; paste: CookiePaste } | { ok: false; message: string };

const siteOfCookie = (domain: string) =>
  domain
    .trim()
    .toLowerCase()
    .replace(/^\./, '')
    .replace(/^www\./, '');

/** RFC 6265 domain matching: a cookie of example.com is sent to example.com and its subdomains, not the reverse. */
const appliesTo = (domain: string, site: string) => {
  const cookieSite = siteOfCookie(domain);
  return cookieSite === site || site.endsWith(`.${cookieSite}`);
};

function read(text: string): { format: CookieFormat; cookies: PastedCookie[] } {
  if (text.startsWith('{') || text.startsWith('[')) return readJson(text);
  if (looksLikeNetscape(text)) return { format: 'netscape', cookies: readNetscape(text) };
  const header = cookieHeaderValue(text);
  if (header !== null) return { format: 'cookie-header', cookies: readPairs(header) };
  return { format: 'pairs', cookies: readPairs(text) };
}

/**
 * Reads pasted cookies in any of the formats people copy them in: `a=1; b=2`, a `Cookie:` header, a JSON object,
 * a cookie-export extension's JSON, or a Netscape cookies.txt. Cookies of other sites than `site` (when the
 * format names their domain) and cookies already expired at `now` are dropped; a name seen twice keeps its first
 * value. Null when nothing is pasted. Names and values are checked later, by the contract's schema.
 */
export function parseCookies(input: string, options: { site: string | null; now: number }): CookieParse | null {
  const text = input.trim();
  if (text === '') return null;
  let found: ReturnType<typeof read>;
  try {
    found = read(text);
  } catch (error) {
    if (error instanceof PasteError) return { ok: false, message: error.message };
    throw error;
  }
  const { format, cookies } = found;
  if (cookies.length === 0) return { ok: false, message: 'No cookie found in the paste' };

  const kept = new Map<string, PastedCookie>();
  const dropped: DroppedCookie[] = [];
  for (const cookie of cookies) {
    const drop = (reason: DroppedCookie['reason']) =>
      dropped.push({ name: cookie.name, domain: cookie.domain, reason });
    if (options.site && cookie.domain && !appliesTo(cookie.domain, options.site)) drop('other-domain');
    else if (cookie.expiresAt !== null && cookie.expiresAt <= options.now) drop('expired');
    else if (kept.has(cookie.name)) drop('repeated');
    else kept.set(cookie.name, cookie);
  }
  const expiries = [...kept.values()].flatMap((cookie) => (cookie.expiresAt === null ? [] : [cookie.expiresAt]));
  const sites = new Set(cookies.flatMap((cookie) => (cookie.domain ? [siteOfCookie(cookie.domain)] : [])));
  return {
    ok: true,
    paste: {
      format,
      cookies: Object.fromEntries([...kept].map(([name, cookie]) => [name, cookie.value])),
      names: [...kept.keys()],
      earliestExpiry: expiries.length > 0 ? new Date(Math.min(...expiries)).toISOString() : null,
      dropped,
      sites: [...sites].filter((site) => site !== ''),
    },
  };
}
