// Plain data, no schemas (auth.ts has the key's): the header's key badge and the demo accounts read these in the
// first load.

/** `sk_live_` or `sk_test_` followed by a 32-character identifier. */
export const API_KEY_PATTERN = /^sk_(live|test)_[A-Za-z0-9]{32}$/;

/**
 * A key inside pasted text, where a copy may have cut its identifier short: the prefix and 16 or more of it. A masked
 * key (`sk_test_grow…0000`) does not match, so masking twice changes nothing.
 */
export const API_KEY_IN_TEXT = /\bsk_(?:live|test)_[A-Za-z0-9]{16,}/g;

/**
 * Masks a key for display: the first and last 4 characters of its identifier, `sk_test_grow…0000`. Keys told
 * apart by their start (the demo keys) or their end both stay recognisable; 24 of the 32 stay hidden.
 */
export function maskApiKey(key: string): string {
  const prefix = /^sk_(live|test)_/.exec(key)?.[0] ?? '';
  const identifier = key.slice(prefix.length);
  if (identifier.length <= 8) return `${prefix}…${identifier.slice(-4)}`;
  return `${prefix}${identifier.slice(0, 4)}…${identifier.slice(-4)}`;
}
