import { z } from 'zod';

// RFC 6265: a cookie name is an HTTP token, a value is cookie-octets, optionally quoted. Anything else (CR/LF,
// NUL, ";", spaces) would split or corrupt the Cookie header the tiers send, and fail later as a 503 or 422.
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const COOKIE_VALUE = /^(?:[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*|"[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*")$/;

export const cookieNameSchema = z
  .string()
  .min(1, 'A cookie needs a name')
  .regex(COOKIE_NAME, "A cookie name is letters, digits and !#$%&'*+-.^_`|~ only (RFC 6265)");
export const cookieValueSchema = z
  .string({ error: 'A cookie value is a string' })
  .regex(
    COOKIE_VALUE,
    'A cookie value cannot hold spaces, quotes, commas, semicolons, backslashes or control characters (RFC 6265)',
  );

/** Cookies by name, as the API documents them: an object. */
export const cookieJarSchema = z.record(cookieNameSchema, cookieValueSchema, {
  error: (issue) => {
    if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? 'Not a cookie name';
    if (issue.code === 'invalid_type')
      return 'Cookies are an object of name → value, like {"session": "abc"}, or a Cookie header, like "session=abc"';
    return undefined;
  },
});

/**
 * A Cookie header's text, "a=b; c=d", read into a jar. A pair without "=" gets no name, so it is refused at the
 * field like any nameless cookie; a value keeps everything after its first "=".
 */
function jarOfCookieHeader(text: string): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const pair of text.split(';').map((part) => part.trim())) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    if (equals < 0) jar[''] = pair;
    else jar[pair.slice(0, equals).trim()] = pair.slice(equals + 1).trim();
  }
  return jar;
}

/** A scrape's cookies: the documented object, or the Node SDK's string (it types `cookies` as a Cookie header). */
export const scrapeCookiesSchema = z.preprocess(
  (value) => (typeof value === 'string' ? jarOfCookieHeader(value) : value),
  cookieJarSchema,
  // What a client may send, for the types that describe a request: preprocess alone would type it unknown.
) as unknown as z.ZodType<Record<string, string>, Record<string, string> | string>;
