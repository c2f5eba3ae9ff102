import { API_KEY_IN_TEXT, maskApiKey } from '../../../contract/api-key';

/** A login token after `Authorization: Bearer`, however it was quoted. */
const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi;

/**
 * The search text with the credentials a pasted request carries (curl -v prints the `X-API-Key` and `Authorization`
 * headers it sent) masked, because the search lives in the URL, and a key must never be in one.
 */
export function redactSecrets(text: string): string {
  return text.replace(API_KEY_IN_TEXT, (key) => maskApiKey(key)).replace(BEARER, '$1…');
}
