import { describe, expect, it } from 'vitest';
import { scrapeRequestSchema } from '../../contract/scrape';

const url = 'https://example.com/';
const read = (body: Record<string, unknown>) => scrapeRequestSchema.parse({ url, ...body });
/** The fields a refused request is refused at, as the API's details.issues name them. */
const refusedAt = (body: Record<string, unknown>) =>
  scrapeRequestSchema.safeParse({ url, ...body }).error?.issues.map((issue) => issue.path.join('.'));

describe('a scrape request read into one shape', () => {
  it('reads a bare URL with the contract defaults and nothing to warn about', () => {
    expect(read({})).toMatchObject({
      mode: 'auto',
      max_tier: '3',
      sync: true,
      timeout: 90,
      wait_until: 'networkidle',
      pdf_format: 'markdown',
      screenshot: false,
      include_raw_html: false,
      ignored: [],
    });
  });

  it('reads a tier cap sent as a string, a number (Node SDK), above the sandbox (Python SDK) or by name', () => {
    expect(read({ max_tier: 4 }).max_tier).toBe('4');
    expect(read({ cost_controls: { max_tier: '5' } }).max_tier).toBe('4');
    expect(read({ cost_controls: { max_tier: '3.5' } }).max_tier).toBe('3');
    expect(read({ cost_controls: { max_tier: 'browser' } }).max_tier).toBe('3');
    // The older Python SDK's caps between and below the sandbox's tiers.
    expect(read({ cost_controls: { max_tier: '1.5' } }).max_tier).toBe('1');
    expect(read({ max_tier: '0.5' }).max_tier).toBe('1');
    expect(refusedAt({ max_tier: '0' })).toEqual(['max_tier']);
    expect(refusedAt({ cost_controls: { max_tier: 'rocket' } })).toEqual(['cost_controls.max_tier']);
  });

  it('keeps every cap, so the tighter of the top level and cost_controls wins', () => {
    expect(read({ max_tier: '4', cost_controls: { max_tier: '2' } }).max_tier).toBe('2');
    expect(read({ max_tier: '1', cost_controls: { max_tier: '4' } }).max_tier).toBe('1');
    expect(read({ max_credits: 30, cost_controls: { max_credits: 10 } }).max_credits).toBe(10);
    // $0.001 is 5 credits at 200 microcents a credit (contract/money.ts).
    expect(read({ max_credits: 30, cost_controls: { max_cost_dollars: 0.001 } }).max_credits).toBe(5);
  });

  it('turns mode auto into js with advanced.render_js, and refuses it beside a mode it contradicts', () => {
    expect(read({ advanced: { render_js: true } }).mode).toBe('js');
    expect(read({ advanced: { render_js: 'auto' } }).mode).toBe('auto');
    expect(refusedAt({ mode: 'pdf', advanced: { render_js: true } })).toEqual(['advanced.render_js']);
    // The browser needs tier 3: refused at whichever cap forbids it.
    expect(refusedAt({ advanced: { render_js: true }, cost_controls: { max_tier: '2' } })).toEqual([
      'cost_controls.max_tier',
    ]);
  });

  it('takes a timeout and a cache lifetime in seconds, fractions too (the MCP server sends any number), in range', () => {
    expect(read({ timeout: 30.5, cache: true, cache_ttl: 90.5 })).toMatchObject({ timeout: 30.5, cache_ttl: 90.5 });
    expect(refusedAt({ timeout: 0.5 })).toEqual(['timeout']);
    expect(refusedAt({ cache_ttl: 59.9 })).toEqual(['cache_ttl']);
  });

  it('reads force_tier and fail_fast from where the clients send them, refusing a pin the request cannot run', () => {
    expect(read({ cost_controls: { force_tier: '2' } })).toMatchObject({ force_tier: '2', max_tier: '2' });
    expect(read({ max_tier: '4', cost_controls: { force_tier: 'browser' } })).toMatchObject({
      force_tier: '3',
      max_tier: '4',
    });
    expect(read({ fail_fast: true }).fail_fast).toBe(true);
    expect(read({ cost_controls: { fail_fast: true } }).fail_fast).toBe(true);
    expect(read({ fail_fast: false }).ignored).toEqual([]);
    expect(refusedAt({ max_tier: '2', cost_controls: { force_tier: '3' } })).toEqual(['cost_controls.force_tier']);
    expect(refusedAt({ mode: 'ocr', cost_controls: { force_tier: '4' } })).toEqual(['cost_controls.force_tier']);
  });

  it('takes wait_for as the CSS selector the API documents, refusing what no CSS parser reads', () => {
    for (const selector of ['#content', 'article > h1:first-child', '[data-ready="1"]', 'main .card, aside'])
      expect(read({ wait_for: selector }).wait_for).toBe(selector);
    for (const selector of ['###[[[', 'div >', 'text=Loaded', 'a,'])
      expect(refusedAt({ wait_for: selector })).toEqual(['wait_for']);
  });

  it('takes the wait that asks for something, whichever place it is in', () => {
    expect(read({ wait_until: 'networkidle', advanced: { wait_condition: 'load' } }).wait_until).toBe('load');
    expect(read({ wait_until: 'domcontentloaded' }).wait_until).toBe('domcontentloaded');
    expect(refusedAt({ wait_until: 'whenever' })).toEqual(['wait_until']);
  });

  it('merges cookies of both places and refuses two different session ids', () => {
    expect(read({ cookies: { a: '1' }, advanced: { cookies: { a: '0', b: '2' } } }).cookies).toEqual({
      a: '1',
      b: '2',
    });
    expect(read({ advanced: { screenshot: true } }).screenshot).toBe(true);
    const [one, two] = ['6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f', '7f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f'];
    expect(read({ advanced: { session_id: one } }).session_id).toBe(one);
    expect(refusedAt({ session_id: one, advanced: { session_id: two } })).toEqual(['advanced.session_id']);
  });

  it('names documented fields without effect only when they ask for something; ignores unknown ones', () => {
    const request = read({
      evidence: false,
      promote_schema_org: true,
      method: 'GET',
      advanced: { proxy_country: null, proxy_integration_id: null, remove_cookie_banners: true, use_proxy: false },
      surprise: 'ignored silently',
    });
    expect(request.ignored).toEqual([]);
    const asking = read({
      evidence: true,
      location: { country: 'DE' },
      formats: ['markdown', 'rag'],
      cost_controls: { prefer_cost: true },
      advanced: { use_proxy: true },
    });
    expect(asking.ignored).toEqual([
      'location',
      'evidence',
      'cost_controls.prefer_cost',
      'advanced.use_proxy',
      'formats: rag',
    ]);
    expect(asking.formats).toEqual(['markdown']);
    expect(read({ formats: ['rag'] }).formats).toBeUndefined();
  });
});

describe('cookies outside RFC 6265', () => {
  it.each([
    ['a CR/LF in a value', { s: 'a\r\nSet-Cookie: x=1' }, 'cookies.s'],
    ['a NUL in a value', { s: 'a\u0000b' }, 'cookies.s'],
    ['a semicolon in a value', { s: 'a;b=c' }, 'cookies.s'],
    ['a space in a value', { s: 'a b' }, 'cookies.s'],
    ['a semicolon in a name', { 'a;b': 'c' }, 'cookies.a;b'],
    ['a newline in a name', { 'a\nb': 'c' }, 'cookies.a\nb'],
    ['an empty name', { '': 'c' }, 'cookies.'],
  ])('refuses %s at the field', (_, cookies, field) => {
    expect(refusedAt({ cookies })).toEqual([field]);
    expect(refusedAt({ advanced: { cookies } })).toEqual([`advanced.${field}`]);
  });

  it('accepts tokens and cookie-octets, quoted or not, and says what a cookie jar is', () => {
    expect(read({ cookies: { demo_session: 'valid', 'q!': '"a/b:c"' } }).cookies).toEqual({
      demo_session: 'valid',
      'q!': '"a/b:c"',
    });
    expect(scrapeRequestSchema.safeParse({ url, cookies: 42 }).error?.issues[0]?.message).toMatch(/object/);
  });

  it('reads a Cookie header string (the Node SDK types cookies so) into the same jar, each pair checked', () => {
    expect(read({ cookies: 'demo_session=valid; theme=a=b ;;' }).cookies).toEqual({
      demo_session: 'valid',
      theme: 'a=b',
    });
    expect(refusedAt({ cookies: 'demo_session=valid; nameless' })).toEqual(['cookies.']);
    expect(refusedAt({ advanced: { cookies: 'a=b c' } })).toEqual(['advanced.cookies.a']);
  });
});
