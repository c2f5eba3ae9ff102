import { maskSecrets } from './mask-secrets';

/**
 * What an error answer may repeat of the request. A field name, a value or a URL is echoed to help the caller,
 * but a 900 KB key once came back seven times: every echoed text is cut, every list is shortened, and secrets
 * are masked, so an answer stays small whatever was sent.
 */
export const ECHO_LIMITS = { chars: 200, items: 20, depth: 6 } as const;

/** The longest a key can be spelled: 40 characters, each percent-encoded twice (%25XX). */
const LONGEST_KEY_SPELLING = 200;

/** A text as an error may echo it: masked, then cut to ECHO_LIMITS.chars with a note of its full length. */
export function echoText(text: string): string {
  // Only the head can show, so only the head is masked; with a key's length to spare, a key across the cut
  // is still masked whole rather than left half visible.
  const masked = maskSecrets(text.slice(0, ECHO_LIMITS.chars + LONGEST_KEY_SPELLING));
  if (masked.length <= ECHO_LIMITS.chars && text.length <= ECHO_LIMITS.chars + LONGEST_KEY_SPELLING) return masked;
  return `${masked.slice(0, ECHO_LIMITS.chars)}… (${text.length} characters in all)`;
}

/** Any JSON-like value with echoText applied to its strings (keys too) and its lists cut to ECHO_LIMITS.items. */
export function echoValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return echoText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= ECHO_LIMITS.depth) return '…';
  if (Array.isArray(value)) return value.slice(0, ECHO_LIMITS.items).map((item) => echoValue(item, depth + 1));
  const entries = Object.entries(value).slice(0, ECHO_LIMITS.items);
  return Object.fromEntries(entries.map(([key, item]) => [echoText(key), echoValue(item, depth + 1)]));
}
