import { createHmac, randomBytes } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>` under the endpoint's secret (api-facts §2.6). */
export function signatureOf(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex')}`;
}

/** A new endpoint secret in the public API's `whsec_…` form: 192 random bits. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;
