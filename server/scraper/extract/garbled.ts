/** Enough to judge a body; decoding 10 MB just to say "binary" would be wasted work. */
const SAMPLE_BYTES = 64 * 1024;
const MAX_BAD_RATIO = 0.1;
const REPLACEMENT = 0xfffd;

/** Where an HTML page declares its encoding: in the first 1024 bytes, as the HTML spec's prescan looks. */
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i;

function decoderFor(sample: Uint8Array): TextDecoder {
  // A BOM or a declared legacy charset (Shift_JIS, GBK, windows-1252…) is honoured, else a
  // correctly declared non-UTF-8 page would be mistaken for binary.
  if (sample[0] === 0xff && sample[1] === 0xfe) return new TextDecoder('utf-16le');
  if (sample[0] === 0xfe && sample[1] === 0xff) return new TextDecoder('utf-16be');
  const head = new TextDecoder('latin1').decode(sample.subarray(0, 1024));
  const label = META_CHARSET.exec(head)?.[1];
  if (label) {
    try {
      return new TextDecoder(label);
    } catch {
      // An unknown label: browsers fall back to UTF-8 too.
    }
  }
  return new TextDecoder('utf-8');
}

function isBad(codePoint: number): boolean {
  if (codePoint === REPLACEMENT) return true;
  return codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d;
}

/**
 * Whether a body is binary or mis-encoded rather than text: more than 10 % of its characters are
 * U+FFFD or C0 controls other than tab, newline and carriage return.
 */
export function isGarbled(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // stream: true keeps a multi-byte character cut by the sample's end from counting as bad.
  const text = decoderFor(sample).decode(sample, { stream: true });
  let total = 0;
  let bad = 0;
  for (const char of text) {
    total += 1;
    if (isBad(char.codePointAt(0) ?? 0)) bad += 1;
  }
  return total > 0 && bad / total > MAX_BAD_RATIO;
}
