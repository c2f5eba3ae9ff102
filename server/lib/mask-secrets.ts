/**
 * The one masking function for everything the sandbox writes down (log lines, the request log, the audit log,
 * error messages): a key is masked by its shape wherever it sits, because clients put keys under names nobody
 * can list in advance (?x-api-key=, ?access_token=, a path segment, a scraped URL's query).
 */
const CENSOR = '[redacted]';

// A character as itself or percent-encoded, once or twice (%5F, %255F): clients and proxies encode unevenly.
const encoded = (hex: string) => `%(?:25)?${hex}`;
const literal = (char: string) => `(?:${char}|${encoded(char.charCodeAt(0).toString(16))})`;
const word = (text: string) => [...text].map(literal).join('');
// 0-9, A-Z, a-z; hex digits match either case under the `i` flag.
const ALNUM = `(?:[a-z0-9]|${encoded('(?:3[0-9]|[46][1-9a-f]|[57][0-9a])')})`;

/** sk_live_ / sk_test_ and 32 alphanumerics, in any mix of plain and percent-encoded characters. */
const KEY_SHAPED = new RegExp(`${word('sk_')}(?:${word('live')}|${word('test')})${literal('_')}${ALNUM}{32,}`, 'gi');

/** A query parameter anywhere in a text: its name is decoded before it is judged. */
const QUERY_PARAM = /([?&;])([^=&#\s?;"]{1,100})=([^&#\s"]*)/g;
const SECRET_NAME =
  /^(?:x_)?(?:api_?key|key|(?:access_|auth_|refresh_|id_)?token|auth|authorization|bearer|secret|password)$/;

function decodeName(name: string): string {
  let decoded = name;
  // Twice: a name encoded twice (%2525) still reads as itself.
  for (let round = 0; round < 2; round++) {
    try {
      decoded = decodeURIComponent(decoded.replaceAll('+', ' '));
    } catch {
      break;
    }
  }
  return decoded.trim().toLowerCase().replaceAll('-', '_');
}

/** The text with every key-shaped string, and the value of every secret-named query parameter, masked. */
export function maskSecrets(text: string): string {
  const keysMasked = text.replace(KEY_SHAPED, CENSOR);
  return keysMasked.replace(QUERY_PARAM, (whole, separator: string, name: string) =>
    SECRET_NAME.test(decodeName(name)) ? `${separator}${name}=${CENSOR}` : whole,
  );
}

/** maskSecrets for a value that may be absent. */
export const maskSecretsOrNull = (text: string | null): string | null => (text === null ? null : maskSecrets(text));
