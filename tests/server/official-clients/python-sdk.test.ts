import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../../support/test-server';
import { pyAdvanced, pyCostControls, pyEstimatePayload, pyScrapePayload } from './client-bodies';
import { ClientError, failureOf, json } from './client-replay';
import { PythonSdk } from './python-sdk-replay';

// Issue 9: the Python SDK v2 (python/alterlab/client.py @766a5b8), unchanged, against the sandbox.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const page = (path: string) => `${server.demoWebUrl}${path}`;
const sdk = async (plan = 'growth', balance = 100_000) => new PythonSdk(server, await server.newKey(plan, balance));
const BROWSER = 60_000;

/** What _parse_scrape_response reads (client.py:580-627), typed as its dataclasses declare (client.py:228-288). */
const scrapeResult = z.object({
  url: z.string(),
  status_code: z.number().int(),
  content: z.union([z.string(), z.record(z.string(), z.unknown())]),
  title: z.string().nullable(),
  cached: z.boolean(),
  response_time_ms: z.number().int().nonnegative(),
  size_bytes: z.number().int().positive(),
  raw_html: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  billing: z.object({
    total_credits: z.number().int(),
    tier_used: z.string(),
    escalations: z.array(
      z.object({
        tier: z.string(),
        result: z.enum(['success', 'failed', 'skipped']),
        credits: z.number(),
        duration_ms: z.number().nullish(),
        error: z.string().nullish(),
      }),
    ),
    final_cost_microcents: z.number().int().nullish(),
  }),
});
/** An error answer: PY2 shows `detail` (client.py:476); the issue adds `code` beside `error`. */
const envelope = z.object({ error: z.string(), code: z.string(), message: z.string(), detail: z.string().min(1) });

describe('what the Python SDK sends', () => {
  it('scrape(url) and estimate_cost(url) send these bodies, literally', () => {
    expect(pyScrapePayload('https://example.com/')).toEqual({
      url: 'https://example.com/',
      mode: 'auto',
      sync: true,
      cache: false,
      force_refresh: false,
      include_raw_html: false,
      timeout: 120,
      evidence: false,
      promote_schema_org: true,
      wait_until: 'networkidle',
    });
    expect(pyEstimatePayload('https://example.com/')).toEqual({ url: 'https://example.com/', mode: 'auto' });
  });
});

describe('Python SDK v2 against the sandbox', () => {
  it('scrape(url): the full default body answers 200 at tier 1 with every field it parses', async () => {
    const client = await sdk();
    const result = scrapeResult.parse(await client.scrape(page('/article')));
    expect(result).toMatchObject({ url: page('/article'), status_code: 200, billing: { tier_used: '1' } });
    expect(client.attempts.map((attempt) => attempt.status)).toEqual([200]);
  });

  it('include_raw_html and formats: raw_html, and content keyed by format', async () => {
    const result = scrapeResult.parse(
      await (await sdk()).scrape(page('/article'), { include_raw_html: true, formats: ['text', 'markdown'] }),
    );
    expect(result.raw_html).toMatch(/<html/i);
    expect(result.content).toMatchObject({ text: expect.any(String), markdown: expect.any(String) });
  });

  it('mode pdf sends pdf_format (scrape_pdf) and reads the PDF', async () => {
    const result = scrapeResult.parse(await (await sdk()).scrape(page('/report.pdf'), { mode: 'pdf' }));
    expect(JSON.stringify(result.content).length).toBeGreaterThan(20);
  });

  it(
    'CostControls(max_tier="4") gets past /antibot',
    async () => {
      const result = await (await sdk()).scrape(page('/antibot'), { cost_controls: pyCostControls('4') });
      expect(scrapeResult.parse(result).billing.tier_used).toBe('4');
    },
    BROWSER,
  );

  it(
    'AdvancedOptions(render_js=True) with mode auto starts in the browser on /js-rendered',
    async () => {
      const result = scrapeResult.parse(
        await (await sdk()).scrape(page('/js-rendered'), { advanced: pyAdvanced({ render_js: true }) }),
      );
      expect(result.billing.tier_used).toBe('3');
      const tried = result.billing.escalations.filter((step) => step.result !== 'skipped');
      expect(tried.every((step) => Number(step.tier) >= 3)).toBe(true);
    },
    BROWSER,
  );

  it('estimate_cost with cost_controls: every field CostEstimate reads (client.py:926-933)', async () => {
    const client = await sdk();
    const answer = await client.request(
      'POST',
      '/api/v1/scrape/estimate',
      pyEstimatePayload(page('/antibot'), pyCostControls('4')),
    );
    const estimate = z
      .object({
        url: z.string(),
        estimated_tier: z.string(),
        estimated_credits: z.number(),
        confidence: z.enum(['low', 'medium', 'high']),
        max_possible_credits: z.number(),
        reasoning: z.string().min(1),
      })
      .parse(json(answer));
    expect(estimate.url).toBe(page('/antibot'));
  });

  it('get_usage: the keys PY2 reads (client.py:944-951), the PY1 keys the issue adds, one conversion', async () => {
    const client = await sdk();
    const usage = z
      .object({
        credits_available: z.number().int(), // microcents: balance_dollars = credits_available / 1e6 (client.py:362-365)
        credits_used_month: z.number(),
        credits_limit: z.number(),
        plan: z.string(),
        period_start: z.iso.datetime(),
        period_end: z.iso.datetime(),
        credits_used: z.number(),
        requests_count: z.number().int(),
        subscription_tier: z.string(),
        billing_period_start: z.string(),
        billing_period_end: z.string(),
        balance_dollars: z.number(),
      })
      .parse(json(await client.request('GET', '/api/v1/usage')));
    expect(usage.credits_available / 1_000_000).toBeCloseTo(usage.balance_dollars, 4);
  });

  it('sync=False: 202 {job_id, status: queued}, then wait_for_job sees queued → processing → succeeded', async () => {
    const client = await sdk();
    const stub = await client.scrape(page('/article'), { sync: false });
    expect(stub).toMatchObject({ status_code: 202, content: { job_id: expect.any(String) } });
    expect(json(client.attempts.at(-1))).toMatchObject({ status: 'queued' });

    const statuses: string[] = [];
    const result = await client.waitForJob(String((stub.content as { job_id: string }).job_id), statuses);
    scrapeResult.parse(result);
    const order = statuses.map((status) => ['queued', 'processing', 'succeeded'].indexOf(status));
    expect(order.every((step, index) => step >= 0 && step >= (order[index - 1] ?? 0))).toBe(true);
  });

  it('a failed job: ScrapeError(422, error) with error a readable string; failure carries the envelope', async () => {
    const client = await sdk();
    const stub = await client.scrape(page('/premium'), { sync: false });
    const failure = await failureOf(client.waitForJob(String((stub.content as { job_id: string }).job_id)));
    expect(failure).toBeInstanceOf(ClientError);
    expect(failure).toMatchObject({ kind: 'ScrapeError', status: 422, detail: expect.stringMatching(/\w/) });
    const job = json(client.attempts.at(-1));
    expect(typeof job.error).toBe('string');
    expect(job.failure).toMatchObject({
      error: 'PAYWALL_DETECTED',
      code: 'PAYWALL_DETECTED',
      billing: { refunded: true },
    });
  });

  it('4xx raise at once with detail: 402 InsufficientCreditsError, 400 at the field', async () => {
    const broke = await sdk('free', 2);
    const refused = await failureOf(broke.scrape(page('/article')));
    expect(refused).toMatchObject({ kind: 'InsufficientCreditsError', status: 402 });
    expect(envelope.parse(json(broke.attempts[0]))).toMatchObject({
      code: 'INSUFFICIENT_CREDITS',
      detail: refused.detail,
    });
    expect(broke.attempts).toHaveLength(1);

    const client = await sdk();
    const invalid = await failureOf(client.scrape(page('/article'), { wait_until: 'whenever' }));
    expect(invalid).toMatchObject({ kind: 'AlterLabAPIError', status: 400 });
    expect(json(client.attempts[0])).toMatchObject({ code: 'INVALID_REQUEST', details: { field: 'wait_until' } });
  });

  it('429: sleeps Retry-After (whole seconds; retry_after in the body too), retries, succeeds', async () => {
    const key = await server.newKey('free');
    await Promise.all(Array.from({ length: 5 }, () => server.call('/usage', { key }))); // the free key's 5 a second
    const client = new PythonSdk(server, key);
    scrapeResult.parse(await client.scrape(page('/article')));
    const [limited, retried] = client.attempts;
    expect([limited?.status, retried?.status]).toEqual([429, 200]);
    expect(limited?.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(envelope.parse(json(limited))).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
    expect(json(limited).retry_after).toBe(Number(limited?.headers.get('Retry-After')));
  });

  it('5xx: retried after 1 s and 2 s (client.py:526), then succeeds', async () => {
    const key = await server.newKey('growth', 100_000);
    const client = new PythonSdk(server, key);
    await server.call('/sandbox/faults', { method: 'POST', key, json: { status: 502, count: 2 } });
    scrapeResult.parse(await client.scrape(page('/article')));
    expect(client.attempts.map((attempt) => attempt.status)).toEqual([502, 502, 200]);
    expect(envelope.parse(json(client.attempts[0]))).toMatchObject({ code: 'BAD_GATEWAY' });
  });
});
