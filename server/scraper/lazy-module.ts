import { createRequire } from 'node:module';
import type * as Undici from 'undici';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded the first time it is needed, synchronously, so the parsers behind a scrape
 * (linkedom, turndown, undici: tens of MiB together) cost an idle server nothing and their
 * callers stay synchronous.
 */
export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}

/** The HTTP client of tiers 1–2 (and their guarded dispatcher). */
export const undici = lazyModule<typeof Undici>('undici');
