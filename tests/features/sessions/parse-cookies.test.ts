import { describe, expect, it } from 'vitest';
import { parseCookies, type CookieParse } from '../../../src/features/sessions/parse-cookies';

const NOW = Date.parse('2026-11-25T10:00:00.000Z');
const IN_2_DAYS = NOW / 1000 + 2 * 86_400;
const IN_9_DAYS = NOW / 1000 + 9 * 86_400;
const parse = (text: string, site: string | null = 'example.com') => parseCookies(text, { site, now: NOW });

function read(result: CookieParse | null) {
  if (!result?.ok) throw new Error(`expected a parse, got ${JSON.stringify(result)}`);
  return result.paste;
}
function failure(result: CookieParse | null) {
  if (result === null || result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result.message;
}

describe('parseCookies: what people paste', () => {
  it('reads name=value pairs, split by semicolons or lines, with = inside values', () => {
    const paste = read(parse(' sid=abc==; theme=dark ;; \n lang=en '));
    expect(paste.format).toBe('pairs');
    expect(paste.cookies).toEqual({ sid: 'abc==', theme: 'dark', lang: 'en' });
    expect(paste.names).toEqual(['sid', 'theme', 'lang']);
    expect(paste).toMatchObject({ earliestExpiry: null, dropped: [], sites: [] });
  });

  it('reads a copied Cookie: header, alone or among a whole request’s headers', () => {
    expect(read(parse('Cookie: a=1; b="quoted"')).cookies).toEqual({ a: '1', b: '"quoted"' });
    const request = 'GET /members HTTP/1.1\nHost: example.com\ncookie:  demo_session=valid; x=y\nAccept: */*';
    const paste = read(parse(request));
    expect(paste.format).toBe('cookie-header');
    expect(paste.cookies).toEqual({ demo_session: 'valid', x: 'y' });
  });

  it('reads a JSON object, numbers and booleans as text', () => {
    const paste = read(parse('{"sid": "abc", "n": 42, "ok": true}'));
    expect(paste.format).toBe('json-object');
    expect(paste.cookies).toEqual({ sid: 'abc', n: '42', ok: 'true' });
  });

  it('reads a cookie-export extension’s JSON: other sites dropped, the earliest expiry kept', () => {
    const exported = [
      { name: 'sid', value: 'abc', domain: '.example.com', expirationDate: IN_9_DAYS + 0.5, hostOnly: false },
      { name: 'csrf', value: 'x1', domain: 'www.example.com', expirationDate: IN_2_DAYS },
      { name: 'pref', value: 'p', domain: 'example.com', session: true, expirationDate: IN_2_DAYS - 3600 },
      { name: '_ga', value: 'GA1', domain: '.tracker.net', expirationDate: IN_2_DAYS - 7200 },
    ];
    const paste = read(parse(JSON.stringify(exported)));
    expect(paste.format).toBe('json-array');
    expect(paste.cookies).toEqual({ sid: 'abc', csrf: 'x1', pref: 'p' });
    expect(paste.earliestExpiry).toBe(new Date(IN_2_DAYS * 1000).toISOString());
    expect(paste.dropped).toEqual([{ name: '_ga', domain: '.tracker.net', reason: 'other-domain' }]);
    expect(paste.sites).toEqual(['example.com', 'tracker.net']);
  });

  it('keeps a parent domain’s cookie for a subdomain’s session, not a subdomain’s cookie for its parent', () => {
    const exported = [
      { name: 'parent', value: '1', domain: '.example.com' },
      { name: 'child', value: '2', domain: 'shop.example.com' },
    ];
    expect(read(parse(JSON.stringify(exported), 'shop.example.com')).names).toEqual(['parent', 'child']);
    expect(read(parse(JSON.stringify(exported), 'example.com')).names).toEqual(['parent']);
  });

  it('reads Playwright’s storage state, whose expires of -1 is a session cookie', () => {
    const state = { cookies: [{ name: 'a', value: '1', domain: 'example.com', expires: -1 }], origins: [] };
    expect(read(parse(JSON.stringify(state)))).toMatchObject({ cookies: { a: '1' }, earliestExpiry: null });
  });

  it('reads a Netscape cookies.txt: comments skipped, #HttpOnly_ lines kept, 0 meaning no expiry', () => {
    const file = [
      '# Netscape HTTP Cookie File',
      '# https://curl.se/docs/http-cookies.html',
      '',
      `.example.com\tTRUE\t/\tTRUE\t${IN_9_DAYS}\tsid\tabc`,
      `#HttpOnly_example.com\tFALSE\t/\tFALSE\t${IN_2_DAYS}\tauth\ttok`,
      `example.com\tFALSE\t/\tFALSE\t0\tempty\t`,
      `other.org\tFALSE\t/\tFALSE\t0\tforeign\tz`,
    ].join('\r\n');
    const paste = read(parse(file));
    expect(paste.format).toBe('netscape');
    expect(paste.cookies).toEqual({ sid: 'abc', auth: 'tok', empty: '' });
    expect(paste.earliestExpiry).toBe(new Date(IN_2_DAYS * 1000).toISOString());
    expect(paste.dropped).toEqual([{ name: 'foreign', domain: 'other.org', reason: 'other-domain' }]);
  });

  it('reads a cookies.txt whose tabs became spaces on the way, even without its title line', () => {
    const paste = read(parse(`127.0.0.1  FALSE  /  FALSE  ${IN_2_DAYS}  demo_session  valid`, '127.0.0.1'));
    expect(paste).toMatchObject({ format: 'netscape', cookies: { demo_session: 'valid' } });
  });

  it('drops cookies already expired, and a second cookie of the same name', () => {
    const file = [
      `example.com\tFALSE\t/\tFALSE\t${NOW / 1000 - 60}\told\t1`,
      `example.com\tFALSE\t/\tFALSE\t0\tsid\tfirst`,
      `example.com\tFALSE\t/app\tFALSE\t0\tsid\tsecond`,
    ].join('\n');
    const paste = read(parse(file));
    expect(paste.cookies).toEqual({ sid: 'first' });
    expect(paste.dropped).toEqual([
      { name: 'old', domain: 'example.com', reason: 'expired' },
      { name: 'sid', domain: 'example.com', reason: 'repeated' },
    ]);
  });

  it('drops nothing by domain while no site is known, and lists the sites the paste names', () => {
    const paste = read(parse(`.Example.com\tTRUE\t/\tFALSE\t0\ta\t1\nfoo.net\tFALSE\t/\tFALSE\t0\tb\t2`, null));
    expect(paste.names).toEqual(['a', 'b']);
    expect(paste.sites).toEqual(['example.com', 'foo.net']);
  });

  it('keeps a cookie named __proto__ as data, not as the jar’s prototype', () => {
    const paste = read(parse('__proto__=x; a=1'));
    expect(Object.keys(paste.cookies)).toEqual(['__proto__', 'a']);
    expect(JSON.parse(JSON.stringify(paste.cookies))).toEqual(JSON.parse('{"__proto__":"x","a":"1"}'));
  });

  it('answers null for nothing pasted', () => {
    expect(parse('')).toBeNull();
    expect(parse(' \n\t ')).toBeNull();
  });
});

describe('parseCookies: broken pastes say what is wrong and where', () => {
  it.each([
    ['JSON that does not parse', '{"sid": "abc",', /looks like JSON but does not parse/],
    ['a JSON list item without a name', '[{"value": "1"}]', /Cookie 1 of the list has no "name"/],
    [
      'a JSON list item whose value is not text',
      '[{"name": "a", "value": "1"}, {"name": "b", "value": 2}]',
      /Cookie 2 of the list \(b\) has no text "value"/,
    ],
    ['a JSON list item that is not an object', '["a=1"]', /Cookie 1 of the list is not an object/],
    [
      'a JSON list item with a bad expiry',
      '[{"name": "a", "value": "1", "expirationDate": "soon"}]',
      /\(a\): the expiry “soon” is not a time/,
    ],
    ['an expiry past the year 9999', '[{"name": "a", "value": "1", "expirationDate": 1e15}]', /beyond the year 9999/],
    ['a JSON object value that is an object', '{"a": {"b": 1}}', /The value of “a” is not text/],
    ['a JSON value that is neither object nor list', '["x"', /does not parse/],
    ['a pair without =', 'sid=abc; theme', /“theme” is not name=value/],
    ['a pair without a name', '=abc', /“=abc” has no name before “=”/],
    [
      'a cookies.txt line with too few fields',
      `# Netscape HTTP Cookie File\nexample.com\tFALSE\t/\tFALSE`,
      /Line 2 of the cookies.txt has 4 fields; a cookie line has 7/,
    ],
    [
      'a cookies.txt line with a word for its expiry',
      `example.com\tFALSE\t/\tFALSE\tnever\tsid\tabc`,
      /Line 1 of the cookies.txt: the expiry “never”/,
    ],
    ['a cookies.txt of comments only', '# Netscape HTTP Cookie File\n# nothing here', /No cookie found/],
  ])('%s', (_, text, message) => {
    expect(failure(parse(text))).toMatch(message);
  });

  it('shortens a long broken pair in its message', () => {
    expect(failure(parse('x'.repeat(500)))).toBe(`“${'x'.repeat(40)}…” is not name=value`);
  });
});
