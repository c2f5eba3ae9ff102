import { createHash } from 'node:crypto';

/** A hashcash-style wall as pages describe it: find a nonce so sha256(challenge + nonce) starts with N zero bits. */
export interface PowChallenge {
  challenge: string;
  difficulty: number;
  /** Where the answer is posted, as written in the page (may be relative). */
  action: string;
}

/** Beyond this a wall is not meant to be solved by a scraper in seconds; it is refused, not tried. */
const MAX_DIFFICULTY = 32;
const CLOCK_CHECK_EVERY = 4096;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (value: string) => value.replace(/&(?:amp|quot|#39|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
    const [, name = '', double, single, bare] = match;
    found.set(name.toLowerCase(), decode(double ?? single ?? bare ?? ''));
  }
  return found;
}

/** Reads the `pow-challenge`, `pow-difficulty` and `pow-action` meta tags; null when the page has no such wall. */
export function findPowChallenge(html: string): PowChallenge | null {
  const metas = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const name = attrs.get('name')?.toLowerCase();
    const content = attrs.get('content');
    if (name?.startsWith('pow-') && content !== undefined && !metas.has(name)) metas.set(name, content);
  }
  const challenge = metas.get('pow-challenge');
  const difficulty = Number(metas.get('pow-difficulty'));
  const action = metas.get('pow-action');
  if (!challenge || !action || !Number.isInteger(difficulty) || difficulty < 0 || difficulty > MAX_DIFFICULTY) {
    return null;
  }
  return { challenge, difficulty, action };
}

function leadingZeroBits(digest: Buffer, atLeast: number): boolean {
  let bits = 0;
  for (const byte of digest) {
    if (bits >= atLeast) return true;
    if (byte !== 0) return bits + Math.clz32(byte) - 24 >= atLeast;
    bits += 8;
  }
  return bits >= atLeast;
}

/**
 * Tries nonces "0", "1", "2"… until sha256(challenge + nonce) (over the UTF-8 string) has `difficulty`
 * leading zero bits. Synchronous, so the clock is read every few thousand hashes: null once `deadline`
 * (epoch ms) has passed.
 */
export function solvePow(challenge: string, difficulty: number, deadline: number): string | null {
  for (let nonce = 0; nonce < Number.MAX_SAFE_INTEGER; nonce++) {
    if (nonce % CLOCK_CHECK_EVERY === 0 && Date.now() > deadline) return null;
    const candidate = String(nonce);
    if (
      leadingZeroBits(
        createHash('sha256')
          .update(challenge + candidate)
          .digest(),
        difficulty,
      )
    )
      return candidate;
  }
  return null;
}
