import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateSchema, scrapeResultSchema } from '../../../../contract/scrape';
import { startTestServer, type TestServer } from '../../../support/test-server';

// The documented request fields through the real API: what a client sees of each one the sandbox honours.
let server: TestServer;
let key: string;
beforeAll(async () => {
  server = await startTestServer();
  key = await server.newKey('growth', 10_000);
});
afterAll(() => server.close());

const page = (path: string) => `${server.demoWebUrl}${path}`;
const BROWSER = 60_000;

async function result(body: Record<string, unknown>) {
  const { status, body: answer } = await server.scrape(key, body);
  expect({ status, error: answer.error }).toEqual({ status: 200, error: undefined });
  return scrapeResultSchema.parse(answer);
}

describe('a scrape result', () => {
  it('says how long it took and how big the page was; raw_html with include_raw_html', async () => {
    const plain = await result({ url: page('/article') });
    expect(plain).not.toHaveProperty('raw_html');
    expect(plain).not.toHaveProperty('warning');
    const raw = await result({ url: page('/article'), include_raw_html: true, formats: ['text'] });
    expect(raw.raw_html).toMatch(/<table>/);
    expect(raw.size_bytes).toBe(Buffer.byteLength(raw.raw_html!));
    expect(Number.isInteger(raw.response_time_ms)).toBe(true);
  });

  it('names the documented fields it accepted without acting on them, and says nothing of unknown ones', async () => {
    const { warning } = await result({
      url: page('/article'),
      location: { country: 'DE' },
      extraction_profile: 'article',
      cost_controls: { time_budget: 30 },
      formats: ['markdown', 'json_v2'],
      a_field_no_one_documents: true,
    });
    expect(warning).toBe(
      'Accepted without effect in the sandbox: location, extraction_profile, cost_controls.time_budget, formats: json_v2.',
    );
  });

  it('refuses a wait_for that is no CSS selector at its field, before anything is held or charged', async () => {
    const before = await server.balance(key);
    const { status, body } = await server.scrape(key, { url: page('/js-rendered'), mode: 'js', wait_for: '###[[[' });
    expect({ status, code: body.error, field: body.details?.field }).toEqual({
      status: 400,
      code: 'INVALID_REQUEST',
      field: 'wait_for',
    });
    expect(body.message).toContain('A CSS selector, like #content or article h1');
    expect(await server.balance(key)).toBe(before);
  });

  it('reads a PDF as Markdown by default, as plain text with pdf_format text', async () => {
    const markdown = await result({ url: page('/report.pdf'), mode: 'pdf' });
    const text = await result({ url: page('/report.pdf'), mode: 'pdf', pdf_format: 'text' });
    expect(markdown.content).toMatch(/^# \S/);
    expect(text.content).not.toMatch(/^#/);
    expect(String(markdown.content)).toContain(String(text.content).split('\n').at(-1));
  });
});

describe('cookies outside RFC 6265', () => {
  it('are refused at the field, in either place, before anything is charged', async () => {
    const before = await server.balance(key);
    for (const [body, field] of [
      [{ cookies: { demo_session: 'valid\r\nX-Injected: 1' } }, 'cookies.demo_session'],
      [{ advanced: { cookies: { 'demo;session': 'valid' } } }, 'advanced.cookies.demo;session'],
      [{ cookies: { demo_session: 'a\u0000b' } }, 'cookies.demo_session'],
    ] as const) {
      const { status, body: answer } = await server.scrape(key, { url: page('/members'), ...body });
      expect({ status, code: answer.error, field: answer.details?.field }).toEqual({
        status: 400,
        code: 'INVALID_REQUEST',
        field,
      });
    }
    expect(await server.balance(key)).toBe(before);
  });

  it('reach the page as a Cookie header string too, as the Node SDK types them', async () => {
    const answer = await result({ url: page('/members'), cookies: 'theme=dark; demo_session=valid' });
    expect(answer.billing.tier_used).toBe('1');
    const { status, body } = await server.scrape(key, { url: page('/members'), cookies: 'demo_session' });
    expect({ status, code: body.error, message: body.message }).toMatchObject({
      status: 400,
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('A cookie needs a name'),
    });
  });

  it('reach the page from advanced.cookies too', async () => {
    const answer = await result({ url: page('/members'), advanced: { cookies: { demo_session: 'valid' } } });
    expect(answer.billing.tier_used).toBe('1');
  });
});

describe('the estimate', () => {
  it('answers the official clients’ bodies with the URL and its reasoning', async () => {
    const response = await server.call('/scrape/estimate', {
      method: 'POST',
      key,
      json: { url: page('/article'), mode: 'auto', cost_controls: { max_tier: '4' }, advanced: { render_js: false } },
    });
    const estimate = estimateSchema.parse(await response.json());
    expect(estimate).toMatchObject({ url: page('/article'), estimated_tier: '1', max_possible_credits: 20 });
    expect(estimate.reasoning).toMatch(/tier 1.*up to tier 4/);
  });
});

describe('screenshots', () => {
  it('are not taken without a browser, and the warning says how to get one', async () => {
    const answer = await result({ url: page('/article'), screenshot: true });
    expect(answer).not.toHaveProperty('screenshot_url');
    expect(answer.warning).toMatch(/^screenshot: tier 1 got the page without a browser; use mode js/);
  });

  it(
    'are a PNG at screenshot_url for the account that took it, and for no other',
    async () => {
      const answer = await result({ url: page('/article'), mode: 'js', screenshot: true });
      const path = answer.screenshot_url!.replace(/^\/api\/v1/, '');
      const own = await server.call(path, { key });
      expect({ status: own.status, type: own.headers.get('content-type') }).toEqual({ status: 200, type: 'image/png' });
      expect([...new Uint8Array(await own.arrayBuffer()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      const other = await server.call(path, { key: await server.newKey('growth') });
      expect({ status: other.status, code: ((await other.json()) as { error: string }).error }).toEqual({
        status: 404,
        code: 'NOT_FOUND',
      });
      expect((await server.call(path, { key: null })).status).toBe(401);
    },
    BROWSER,
  );
});
