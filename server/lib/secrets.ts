import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Keys and tokens are long random strings, so a plain SHA-256 is enough to store them safely. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

export const newRequestId = () => `req_${randomUUID()}`;
export const newId = (prefix: string) => `${prefix}_${randomUUID()}`;
