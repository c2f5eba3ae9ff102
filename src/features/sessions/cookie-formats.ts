/** One cookie as a paste gives it, with where it applies and until when when the format says. */
export interface PastedCookie {
  name: string;
  value: string;
  /** The cookie's domain, when the format carries one (cookies.txt, an extension's export). */
  domain: string | null;
  /** Milliseconds since the epoch; null for a cookie that ends with the browser session, or when not given. */
  expiresAt: number | null;
}

/** A paste that cannot be read; the message says where and what a good one looks like. */
export class PasteError extends Error {}

// The last instant an ISO date (and so `expires_at`) can name: 9999-12-31T23:59:59.999Z.
const LAST_TIME = 253_402_300_799_999;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Seconds since the epoch; 0 (cookies.txt) and -1 (Playwright) mean "ends with the browser session". */
function expiryOf(seconds: unknown, where: string): number | null {
  if (seconds === undefined || seconds === null) return null;
  const number = typeof seconds === 'string' && seconds.trim() !== '' ? Number(seconds) : seconds;
  if (typeof number !== 'number' || !Number.isFinite(number))
    throw new PasteError(`${where}: the expiry “${shorten(String(seconds))}” is not a time in seconds`);
  if (number <= 0) return null;
  const ms = Math.round(number * 1000);
  if (ms > LAST_TIME) throw new PasteError(`${where}: the expiry ${number} is beyond the year 9999`);
  return ms;
}

/** `a=1; b=2`, or one pair a line. A value may hold `=` (base64); everything before the first one is the name. */
export function readPairs(text: string): PastedCookie[] {
  return text
    .split(/;|\r?\n/)
    .map((part) => part.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === 0) throw new PasteError(`“${shorten(pair)}” has no name before “=”`);
      if (equals < 0) throw new PasteError(`“${shorten(pair)}” is not name=value`);
      return {
        name: pair.slice(0, equals).trim(),
        value: pair.slice(equals + 1).trim(),
        domain: null,
        expiresAt: null,
      };
    });
}

/** The value of a `Cookie:` line, also when a whole request's headers were copied; null when there is none. */
export function cookieHeaderValue(text: string): string | null {
  return /^[ \t]*cookie[ \t]*:(.*)$/im.exec(text)?.[1] ?? null;
}

/** `{"name": "value"}`, an extension's export `[{name, value, domain, expirationDate}]`, or `{cookies: [...]}`. */
export function readJson(text: string): { format: 'json-object' | 'json-array'; cookies: PastedCookie[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PasteError(`This looks like JSON but does not parse: ${(error as Error).message}`);
  }
  // Playwright's storage state and some exporters wrap the list in an object.
  if (isRecord(data) && Array.isArray(data.cookies)) data = data.cookies;
  if (Array.isArray(data)) return { format: 'json-array', cookies: data.map(readExported) };
  if (!isRecord(data))
    throw new PasteError('JSON cookies are an object like {"session": "abc"} or a list of exported cookies');
  const cookies = Object.entries(data).map(([name, value]) => {
    if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
    if (typeof value !== 'string') throw new PasteError(`The value of “${shorten(name)}” is not text`);
    return { name, value, domain: null, expiresAt: null };
  });
  return { format: 'json-object', cookies };
}

function readExported(item: unknown, index: number): PastedCookie {
  const where = `Cookie ${index + 1} of the list`;
  if (!isRecord(item)) throw new PasteError(`${where} is not an object with a name and a value`);
  if (typeof item.name !== 'string') throw new PasteError(`${where} has no "name"`);
  const named = `${where} (${shorten(item.name)})`;
  if (typeof item.value !== 'string') throw new PasteError(`${named} has no text "value"`);
  return {
    name: item.name,
    value: item.value,
    domain: typeof item.domain === 'string' ? item.domain : null,
    // EditThisCookie and Cookie-Editor write expirationDate; Playwright and Puppeteer write expires.
    expiresAt: item.session === true ? null : expiryOf(item.expirationDate ?? item.expires, named),
  };
}

const NETSCAPE_TITLE = /^#\s*(Netscape\s+)?HTTP Cookie File/i;
const HTTP_ONLY_PREFIX = '#HttpOnly_';

const fieldsOf = (line: string) => {
  const byTab = line.split('\t');
  // A copy out of a text view may have turned the tabs into spaces.
  return byTab.length >= 6 ? byTab : line.trim().split(/\s+/);
};

/** The title line of a cookies.txt, or a line of 6–7 fields whose second says whether subdomains match. */
export function looksLikeNetscape(text: string): boolean {
  if (NETSCAPE_TITLE.test(text)) return true;
  return text.split(/\r?\n/).some((line) => {
    const fields = fieldsOf(line.startsWith(HTTP_ONLY_PREFIX) ? line.slice(HTTP_ONLY_PREFIX.length) : line);
    return fields.length >= 6 && /^(TRUE|FALSE)$/i.test(fields[1] ?? '');
  });
}

/** Netscape cookies.txt: domain, subdomains, path, secure, expiry, name, value, one cookie a line. */
export function readNetscape(text: string): PastedCookie[] {
  const cookies: PastedCookie[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    let line = raw;
    if (line.startsWith(HTTP_ONLY_PREFIX)) line = line.slice(HTTP_ONLY_PREFIX.length);
    else if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const fields = fieldsOf(line);
    // A cookie with an empty value leaves the seventh field empty, or out when tabs became spaces.
    if (fields.length === 6) fields.push('');
    if (fields.length !== 7)
      throw new PasteError(
        `Line ${index + 1} of the cookies.txt has ${fields.length} fields; a cookie line has 7, separated by tabs: domain, subdomains, path, secure, expiry, name, value`,
      );
    const [domain = '', , , , expiry, name = '', value = ''] = fields;
    const where = `Line ${index + 1} of the cookies.txt`;
    if (!/^-?\d+(\.\d+)?$/.test(expiry?.trim() ?? ''))
      throw new PasteError(`${where}: the expiry “${shorten(expiry ?? '')}” is not a time in seconds`);
    cookies.push({ name: name.trim(), value: value.trim(), domain: domain.trim(), expiresAt: expiryOf(expiry, where) });
  });
  return cookies;
}
