import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../../../support/demo-keys';
import { startTestServer, type TestServer } from '../../../support/test-server';

// One test per row of the contract's demo-web table: code, status, billing.refunded and the balance after.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ testClock: true });
});
afterAll(() => server.close());

const page = (path: string) => `${server.demoWebUrl}${path}`;

async function expectFailure(
  path: string,
  extra: Record<string, unknown>,
  status: number,
  code: string,
  charged: number,
) {
  const key = await server.newKey('free', 1000);
  const { status: actual, body } = await server.scrape(key, { url: page(path), ...extra });
  expect({ status: actual, code: body.error }).toEqual({ status, code });
  expect(body.billing).toEqual({ refunded: true, refunded_credits: charged });
  expect(await server.balance(key)).toBe(1000);
  return body;
}

async function expectSuccess(path: string, extra: Record<string, unknown>, tier: string, credits: number) {
  const key = await server.newKey('free', 1000);
  const { status, body } = await server.scrape(key, { url: page(path), ...extra });
  expect({ status, error: body.error, message: body.message }).toEqual({
    status: 200,
    error: undefined,
    message: undefined,
  });
  expect(body.billing).toMatchObject({ tier_used: tier, total_credits: credits, cached: false });
  expect(await server.balance(key)).toBe(1000 - credits);
  return body;
}

describe('the demo web, scraped through the real tiers', () => {
  it('/article: 200 at tier 1 for 1 credit', async () => {
    const body = await expectSuccess('/article', {}, '1', 1);
    expect(body.title).toBe('How the sandbox scrapes');
    expect(body.status_code).toBe(200);
    expect(body.content).toContain('<table>');
    expect(body.billing?.escalations).toEqual([
      expect.objectContaining({ tier: '1', result: 'success', credits: 1, error: null }),
    ]);
  });

  it('/headers-check: 200 at tier 2 after tier 1 is refused', async () => {
    const body = await expectSuccess('/headers-check', {}, '2', 2);
    expect(body.billing?.escalations?.map((step) => [step.tier, step.result, step.credits])).toEqual([
      ['1', 'failed', 0],
      ['2', 'success', 2],
    ]);
  });

  it('/js-rendered: 200 at tier 3, the script-written content captured', async () => {
    const body = await expectSuccess('/js-rendered', { formats: ['text'] }, '3', 5);
    expect(body.billing?.escalations?.map((step) => step.tier)).toEqual(['1', '2', '3']);
    expect(JSON.stringify(body.content).length).toBeGreaterThan(60);
  });

  it('/challenge: CHALLENGE_DETECTED below tier 3 and with mode html; 200 with mode js', async () => {
    await expectFailure('/challenge', { max_tier: '2' }, 403, 'CHALLENGE_DETECTED', 2);
    await expectFailure('/challenge', { mode: 'html' }, 403, 'CHALLENGE_DETECTED', 2);
    await expectSuccess('/challenge', { mode: 'js' }, '3', 5);
  });

  it('/antibot: BLOCKED_BY_ANTIBOT through tier 3, solved at tier 4', async () => {
    await expectFailure('/antibot', {}, 403, 'BLOCKED_BY_ANTIBOT', 5);
    const body = await expectSuccess('/antibot', { max_tier: '4' }, '4', 20);
    expect(body.billing?.escalations?.map((step) => step.result)).toEqual(['failed', 'failed', 'failed', 'success']);
  });

  it('/slow: TIMEOUT when it answers after the timeout, across all tiers', async () => {
    const started = Date.now();
    await expectFailure('/slow?ms=4000', { timeout: 1 }, 504, 'TIMEOUT', 1);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('/huge: CONTENT_TOO_LARGE, the download stopped at 10 MB', async () => {
    await expectFailure('/huge', {}, 413, 'CONTENT_TOO_LARGE', 1);
  });

  it('/report.pdf: 415 unless mode pdf, then its text', async () => {
    await expectFailure('/report.pdf', {}, 415, 'UNSUPPORTED_CONTENT_TYPE', 1);
    const body = await expectSuccess('/report.pdf', { mode: 'pdf' }, '1', 3);
    expect(body.content).toMatch(/Quarterly report/i);
  });

  it('/scan.png: 415 unless mode ocr, then the image’s text', async () => {
    await expectFailure('/scan.png', {}, 415, 'UNSUPPORTED_CONTENT_TYPE', 1);
    const body = await expectSuccess('/scan.png', { mode: 'ocr' }, '1', 6);
    expect(String(body.content).toUpperCase()).toContain('SANDBOX');
  });

  it('/garbled: EXTRACTION_FAILED', async () => {
    await expectFailure('/garbled', {}, 422, 'EXTRACTION_FAILED', 1);
  });

  it('/members: REQUIRES_AUTH, and 200 with the session cookie sent inline', async () => {
    await expectFailure('/members', {}, 401, 'REQUIRES_AUTH', 1);
    const body = await expectSuccess('/members', { cookies: { demo_session: 'valid' } }, '1', 1);
    expect(body.content).toMatch(/welcome back/i);
  });

  it('/premium: PAYWALL_DETECTED', async () => {
    await expectFailure('/premium', {}, 402, 'PAYWALL_DETECTED', 1);
  });

  it('/hostile: 200 at tier 1 with none of its scripts run', async () => {
    await fetch(page('/beacon/reset'), { method: 'POST' });
    const body = await expectSuccess('/hostile', {}, '1', 1);
    expect(body.content).toContain('<script');
    const count = (await (await fetch(page('/beacon/count'))).json()) as { count: number };
    expect(count.count).toBe(0);
  });

  it('http://unreachable.invalid/: NETWORK_ERROR', async () => {
    const key = await server.newKey();
    const { status, body } = await server.scrape(key, { url: 'http://unreachable.invalid/' });
    expect({ status, code: body.error, billing: body.billing }).toEqual({
      status: 503,
      code: 'NETWORK_ERROR',
      billing: { refunded: true, refunded_credits: 1 },
    });
    expect(await server.balance(key)).toBe(1000);
  });
});

describe('refusals that cost nothing', () => {
  const ledgerEntries = (requestId: string) =>
    server.app.db.prepare('SELECT count(*) AS n FROM ledger WHERE request_id = ?').get(requestId) as { n: number };

  it('EXCEEDS_COST_LIMIT: /js-rendered with max_credits 1 stops before the browser, not charged', async () => {
    const key = await server.newKey();
    const { status, body } = await server.scrape(key, { url: page('/js-rendered'), max_credits: 1 });
    expect({ status, code: body.error }).toEqual({ status: 400, code: 'EXCEEDS_COST_LIMIT' });
    expect(body.billing).toBeUndefined();
    expect(ledgerEntries(body.request_id!).n).toBe(0);
    expect(await server.balance(key)).toBe(1000);
  });

  it('EXCEEDS_COST_LIMIT says what one tier-1 fetch would cost in words that fit', async () => {
    const key = await server.newKey();
    const { status, body } = await server.scrape(key, { url: page('/article'), max_credits: 0.5 });
    expect({ status, code: body.error }).toEqual({ status: 400, code: 'EXCEEDS_COST_LIMIT' });
    expect(body.message).toBe('This request would cost 1 credit, more than max_credits 0.5');
  });

  it('INSUFFICIENT_CREDITS for the broke demo key, with what was needed', async () => {
    const { status, body } = await server.scrape(DEMO_KEY.broke, { url: page('/article') });
    expect({ status, code: body.error }).toEqual({ status: 402, code: 'INSUFFICIENT_CREDITS' });
    expect(body.details).toEqual({ required_credits: 5, available_credits: 2, estimated_tier: '1' });
    expect(await server.balance(DEMO_KEY.broke)).toBe(2);
  });

  it('SUBSCRIPTION_INACTIVE for the lapsed demo key', async () => {
    const { status, body } = await server.scrape(DEMO_KEY.lapsed, { url: page('/article') });
    expect({ status, code: body.error }).toEqual({ status: 402, code: 'SUBSCRIPTION_INACTIVE' });
  });

  it('SESSION_COOKIES_CONFLICT when both session_id and cookies are sent', async () => {
    const { status, body } = await server.scrape(DEMO_KEY.growth, {
      url: page('/members'),
      session_id: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
      cookies: { demo_session: 'valid' },
    });
    expect({ status, code: body.error }).toEqual({ status: 400, code: 'SESSION_COOKIES_CONFLICT' });
  });

  it('INVALID_REQUEST names every bad field', async () => {
    const { status, body } = await server.scrape(DEMO_KEY.growth, {
      url: 'ftp://example.com',
      timeout: 0,
      max_tier: '7',
      formats: ['pdf'],
      surprise: true,
    });
    expect({ status, code: body.error }).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    // An unknown field is ignored, as the public API does; documented ones are checked.
    const fields = body.details?.issues?.map((issue) => issue.field).sort();
    expect(fields).toEqual(['formats.0', 'max_tier', 'timeout', 'url']);
  });

  it('refuses private and loopback targets other than the demo web', async () => {
    for (const url of ['http://127.0.0.1:1/', 'http://10.0.0.8/', 'http://localhost:22/']) {
      const { status, body } = await server.scrape(DEMO_KEY.growth, { url });
      expect({ url, status, code: body.error }).toEqual({ url, status: 400, code: 'INVALID_REQUEST' });
      expect(body.details).toMatchObject({ field: 'url' });
    }
  });

  it('RATE_LIMIT_EXCEEDED for the 6th scrape in one second on a free key, not charged', async () => {
    const key = await server.newKey('free');
    const answers = await Promise.all(Array.from({ length: 6 }, () => server.scrape(key, { url: page('/article') })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 429]);
    // The next second's budget, for the balance call: the sandbox's clock moves, not the test's.
    await server.call('/sandbox/clock', { method: 'POST', key: null, json: { advance_seconds: 1 } });
    expect(await server.balance(key)).toBe(995);
  });
});
