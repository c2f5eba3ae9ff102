import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestDetailSchema } from '../../../contract/request-detail';
import { createSession } from '../../support/sessions';
import { startTestServer, type TestServer } from '../../support/test-server';
import { waitForJob } from '../../support/wait-for-job';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const COOKIE_SECRET = 'cookie-secret-4711';

async function detailOf(key: string, requestId: string) {
  const response = await server.call(`/requests/${requestId}`, { key });
  const text = await response.text();
  return { status: response.status, text, detail: response.ok ? requestDetailSchema.parse(JSON.parse(text)) : null };
}

describe('GET /requests/{request_id}', () => {
  it('tells a failed scrape: parameters without cookie values or the key, response, refund, doc_url', async () => {
    const key = await server.newKey('growth');
    const url = `${server.demoWebUrl}/premium`;
    const failed = await server.scrape(key, {
      url,
      cookies: { trace: COOKIE_SECRET },
      timeout: 30,
    });
    expect(failed.status).toBe(402);

    const { text, detail } = await detailOf(key, failed.body.request_id!);
    expect(text).not.toContain(COOKIE_SECRET);
    expect(text).not.toContain(key);
    expect(detail).toMatchObject({
      request_id: failed.body.request_id,
      parameters: { url, cookies: { trace: '[redacted]' }, timeout: 30, sync: true },
      response: { status: 402, code: 'PAYWALL_DETECTED', message: failed.body.message },
      billing: { refunded: true, cached: false, tier_used: '1' },
      session: null,
    });
    expect(detail!.parameters).not.toHaveProperty('ignored');
    expect(detail!.billing.credits_refunded).toBe(detail!.billing.credits_charged);
    expect(detail!.billing.credits_charged).toBeGreaterThan(0);
    expect(detail!.billing.estimated_credits).toBeGreaterThan(0);
    expect(detail!.doc_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/errors\/PAYWALL_DETECTED$/);
  });

  it('keeps among the parameters what the sandbox accepted without effect, when there is any', async () => {
    const key = await server.newKey('growth');
    const response = await server.scrape(key, { url: `${server.demoWebUrl}/article`, extraction_prompt: 'the title' });
    expect(response.status).toBe(200);
    const { detail } = await detailOf(key, response.body.request_id!);
    expect(detail!.parameters).toMatchObject({ ignored: ['extraction_prompt'] });
  });

  it('lists the tiers tried on the way to a success, and the rate-limit headers the call was answered with', async () => {
    const key = await server.newKey('growth');
    const response = await server.call('/scrape', {
      method: 'POST',
      key,
      json: { url: `${server.demoWebUrl}/headers-check`, max_tier: '2' },
    });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id')!;

    const { detail } = await detailOf(key, requestId);
    expect(detail!.billing.escalations.map(({ tier, result }) => `${tier} ${result}`)).toEqual([
      '1 failed',
      '2 success',
    ]);
    expect(detail!.billing.tier_used).toBe('2');
    expect(detail!.doc_url).toBeNull();
    expect(detail!.response).toMatchObject({ status: 200, code: null, message: null });
    expect(detail!.rate_limit).toEqual({
      limit: Number(response.headers.get('x-ratelimit-limit')),
      remaining: Number(response.headers.get('x-ratelimit-remaining')),
      reset: Number(response.headers.get('x-ratelimit-reset')),
      burst_limit: Number(response.headers.get('x-ratelimit-burst-limit')),
      burst_remaining: Number(response.headers.get('x-ratelimit-burst-remaining')),
    });
  });

  it('tells an async scrape’s tiers and failure from its job, though its POST answered 202', async () => {
    const key = await server.newKey('growth');
    const queued = await server.scrape(key, { url: `${server.demoWebUrl}/headers-check`, max_tier: '1', sync: false });
    expect(queued.status).toBe(202);
    const { job } = await waitForJob(server, key, queued.body.job_id!);
    expect(job.status).toBe('failed');

    const { detail } = await detailOf(key, queued.body.request_id!);
    expect(detail!.response).toMatchObject({ status: 202, code: job.failure!.error, message: job.failure!.message });
    expect(detail!.billing.escalations.map(({ tier, result }) => `${tier} ${result}`)).toEqual(['1 failed']);
    expect(detail!.billing.refunded).toBe(true);
    expect(detail!.doc_url).toMatch(new RegExp(`/errors/${job.failure!.error}$`));
  });

  it('names the stored session a scrape used, and never its cookie values', async () => {
    const key = await server.newKey('growth');
    const session = await createSession(server, key, {
      name: 'Members area',
      domain: `${server.demoWebUrl}/members`,
      cookies: { demo_session: 'valid', trace: COOKIE_SECRET },
    });
    const used = await server.scrape(key, { url: `${server.demoWebUrl}/members`, session_id: session.id });
    expect(used.status).toBe(200);

    const { text, detail } = await detailOf(key, used.body.request_id!);
    expect(detail!.session).toEqual({ id: session.id, name: 'Members area' });
    expect(detail!.parameters).toMatchObject({ session_id: session.id });
    expect(text).not.toContain(COOKIE_SECRET);
  });

  it('answers another account’s request id exactly as an unknown one', async () => {
    const owner = await server.newKey('growth');
    const other = await server.newKey('growth');
    const scraped = await server.scrape(owner, { url: `${server.demoWebUrl}/article` });
    const requestId = scraped.body.request_id!;
    expect((await detailOf(owner, requestId)).status).toBe(200);

    const theirs = await server.call(`/requests/${requestId}`, { key: other });
    const unknown = await server.call(`/requests/${'f'.repeat(requestId.length)}`, { key: other });
    expect(theirs.status).toBe(404);
    expect(unknown.status).toBe(404);
    const withoutId = (body: string) => body.replace(/"request_id":"[^"]*"/, '');
    expect(withoutId(await theirs.text())).toBe(withoutId(await unknown.text()));
  });

  it('keeps a key put in the target URL out of the detail', async () => {
    const key = await server.newKey('growth');
    const leaked = await server.scrape(key, { url: `${server.demoWebUrl}/premium?api_key=${key}` });
    const { text } = await detailOf(key, leaked.body.request_id!);
    expect(text).not.toContain(key);
    expect(text).toContain('api_key=[redacted]');
  });
});
