import { maskApiKey } from '../../../contract/api-key';

/**
 * A key as it may be pasted: the right prefix, then most of its identifier (a copy may cut it short). A masked key
 * (`sk_test_grow…0000`) does not match again, so masking what is already in the box changes nothing.
 */
const API_KEY = /\bsk_(?:live|test)_[A-Za-z0-9]{16,}/g;
/** A login token after `Authorization: Bearer`, however it was quoted. */
const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi;

/**
 * The search text with the credentials a pasted request carries (curl -v prints the `X-API-Key` and `Authorization`
 * headers it sent) masked, because the search lives in the URL, and a key must never be in one.
 */
export function redactSecrets(text: string): string {
  return text.replace(API_KEY, (key) => maskApiKey(key)).replace(BEARER, '$1…');
}
