import { describe, expect, it } from 'vitest';
import { echoText, echoValue, ECHO_LIMITS } from '../../../server/lib/bounded-echo';
import { maskSecrets } from '../../../server/lib/mask-secrets';

const KEY = 'sk_live_AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const encodeAll = (text: string) => [...text].map((char) => `%${char.charCodeAt(0).toString(16)}`).join('');

describe('maskSecrets', () => {
  it.each([
    ['a query under any name', `/usage?x-api-key=${KEY}&page=2`, '/usage?x-api-key=[redacted]&page=2'],
    ['a path segment', `/api/v1/${KEY}/usage`, '/api/v1/[redacted]/usage'],
    [
      'a test key inside text',
      `Could not reach http://x/?ref=sk_test_${'0'.repeat(32)}`,
      'Could not reach http://x/?ref=[redacted]',
    ],
    ['an encoded underscore', `?q=${KEY.replaceAll('_', '%5F')}`, '?q=[redacted]'],
    ['every character encoded', `?q=${encodeAll(KEY)}`, '?q=[redacted]'],
    ['encoded twice', `?q=${encodeAll(KEY).replaceAll('%', '%25')}`, '?q=[redacted]'],
  ])('masks a key in %s', (_placement, text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  it.each([
    ['?access_token=tok_abc&x=1', '?access_token=[redacted]&x=1'],
    ['?api%5Fkey=abc', '?api%5Fkey=[redacted]'],
    ['?X%2DAPI%2DKEY=abc', '?X%2DAPI%2DKEY=[redacted]'],
    ['&token=abc#top', '&token=[redacted]#top'],
  ])('masks the value of a secret-named parameter: %s', (text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  it('leaves ordinary text and parameters alone', () => {
    for (const text of ['/api/v1/usage?monkey=1&turkey=2', 'sk_live_tooshort', 'http://x/?keyword=sk']) {
      expect(maskSecrets(text)).toBe(text);
    }
  });
});

describe('echoes in error answers', () => {
  it('cuts a long text, saying how long it was', () => {
    const echoed = echoText('x'.repeat(10_000));
    expect(echoed.length).toBeLessThan(ECHO_LIMITS.chars + 40);
    expect(echoed).toContain('10000 characters in all');
  });

  it('masks a key the cut runs through as a whole', () => {
    const text = `${'x'.repeat(ECHO_LIMITS.chars - 10)}?ref=${KEY}`;
    expect(echoText(text)).not.toContain(KEY.slice(0, 15));
    expect(echoText(text)).toContain('?ref=[red');
  });

  it('bounds lists, keys and nesting, and masks keys anywhere in them', () => {
    const value = echoValue({ ['k'.repeat(5000)]: Array.from({ length: 1000 }, () => KEY) }) as Record<
      string,
      string[]
    >;
    const [name, list] = Object.entries(value)[0]!;
    expect(name.length).toBeLessThan(ECHO_LIMITS.chars + 40);
    expect(list).toHaveLength(ECHO_LIMITS.items);
    expect(JSON.stringify(value)).not.toContain(KEY);
  });
});
