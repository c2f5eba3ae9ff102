import { z } from 'zod';

// RFC 6265: a cookie name is an HTTP token, a value is cookie-octets, optionally quoted. Anything else (CR/LF,
// NUL, ";", spaces) would split or corrupt the Cookie header the tiers send, and fail later as a 503 or 422.
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const COOKIE_VALUE = /^(?:[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*|"[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*")$/;

const cookieName = z
  .string()
  .min(1, 'A cookie needs a name')
  .regex(COOKIE_NAME, "A cookie name is letters, digits and !#$%&'*+-.^_`|~ only (RFC 6265)");
const cookieValue = z
  .string({ error: 'A cookie value is a string' })
  .regex(
    COOKIE_VALUE,
    'A cookie value cannot hold spaces, quotes, commas, semicolons, backslashes or control characters (RFC 6265)',
  );

/**
 * Cookies by name, as the API documents them: an object, not a Cookie header's text (the Node SDK's string is
 * refused here, at the field, rather than guessed at).
 */
export const cookieJarSchema = z.record(cookieName, cookieValue, {
  error: (issue) => {
    if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? 'Not a cookie name';
    if (issue.code === 'invalid_type') return 'Cookies are an object of name → value, like {"session": "abc"}';
    return undefined;
  },
});
