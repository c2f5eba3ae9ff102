import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
/** 96 bits: GCM's own size, the one that needs no extra hashing; random per record, never reused with a key. */
const IV_BYTES = 12;

/** A value encrypted with AES-256-GCM: all three parts are needed to read it back, and none reveals it. */
export interface Sealed {
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

/**
 * Encrypts `plaintext` under `key`, bound to `context` (additional authenticated data): a record copied onto
 * another row, or another account's, fails to open rather than opening there.
 */
export function seal(key: Buffer, plaintext: string, context: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), data };
}

/** The plaintext of a sealed value; throws if the key, the context or any byte differs. */
export function unseal(key: Buffer, sealed: Sealed, context: string): string {
  const decipher = createDecipheriv(ALGORITHM, key, sealed.iv);
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.data), decipher.final()]).toString('utf8');
}
