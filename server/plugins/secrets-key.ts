import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import { seal, unseal, type Sealed } from '../lib/seal';

const KEY_FILE = 'secrets.key';
const KEY_BYTES = 32;

/** Seals and opens stored secrets with the data dir's key; the key itself is never handed out. */
export interface Sealer {
  seal(plaintext: string, context: string): Sealed;
  open(sealed: Sealed, context: string): string;
}

/**
 * The key of DATA_DIR/secrets.key, made on first start, readable by the owner only. A key file of the wrong size
 * stops start-up: a new key would silently make every stored session unreadable.
 */
function loadOrCreateKey(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, KEY_FILE);
  try {
    // 'wx': two processes starting on one data dir cannot both write a key.
    writeFileSync(file, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // The mode given at creation passes through the umask; a copied or restored file may be wider.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = readFileSync(file);
  if (key.length !== KEY_BYTES) {
    throw new Error(`${file} holds ${key.length} bytes, not a ${KEY_BYTES}-byte key: restore it or move it away`);
  }
  return key;
}

declare module 'fastify' {
  interface FastifyInstance {
    sealer: Sealer;
  }
}

export default fp(
  async (app) => {
    const key = loadOrCreateKey(app.config.dataDir);
    app.decorate('sealer', {
      seal: (plaintext, context) => seal(key, plaintext, context),
      open: (sealed, context) => unseal(key, sealed, context),
    } satisfies Sealer);
  },
  { name: 'secrets-key' },
);
