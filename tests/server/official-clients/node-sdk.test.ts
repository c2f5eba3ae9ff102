import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../../support/test-server';
import { nodeScrapeAsyncBody, nodeScrapeBody, type NodeScrapeOptions } from './client-bodies';
import { ClientError, failureOf, json } from './client-replay';
import { NodeSdk, nodeJobPoll } from './node-sdk-replay';

// Issue 9: the Node SDK 2.0.0 (node/src/index.ts @766a5b8), unchanged, against the sandbox.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const page = (path: string) => `${server.demoWebUrl}${path}`;
const BROWSER = 60_000;
const ANTIBOT: NodeScrapeOptions = {
  costControls: { maxTier: 4, prefer: 'cost', failFast: false, maxCostDollars: 0.5 },
};
const JS: NodeScrapeOptions = { mode: 'js', advanced: { renderJs: true, waitCondition: 'networkidle' } };

async function sdk(plan = 'growth', balance = 100_000) {
  const key = await server.newKey(plan, balance);
  return { key, client: new NodeSdk(server, key) };
}
/** scrape() (index.ts:583-616): POST the converted body, hand back the camelCased answer. */
const scrape = (client: NodeSdk, url: string, options: NodeScrapeOptions = {}) =>
  client.request('POST', '/api/v1/scrape', nodeScrapeBody(url, options));

/** ScrapeResult (index.ts:129-166): the fields the real API also sends, as users read them after toCamelCaseKeys. */
const scrapeResult = z.object({
  requestId: z.string(),
  url: z.string(),
  finalUrl: z.string(),
  statusCode: z.number().int(),
  title: z.string().nullable(),
  cached: z.boolean(),
  responseTimeMs: z.number().int().nonnegative(),
  sizeBytes: z.number().int().positive(),
  billing: z.object({ tierUsed: z.string(), totalCredits: z.number() }),
});

describe('what the Node SDK sends', () => {
  it('camelCase options become these bodies: costControls nested, advanced spread on the top level', () => {
    expect(nodeScrapeBody('https://example.com/', ANTIBOT)).toEqual({
      url: 'https://example.com/',
      mode: 'auto',
      sync: true,
      cost_controls: { max_tier: 4, prefer: 'cost', fail_fast: false, max_cost_dollars: 0.5 },
    });
    expect(nodeScrapeBody('https://example.com/', JS)).toEqual({
      url: 'https://example.com/',
      mode: 'js',
      sync: true,
      render_js: true,
      wait_condition: 'networkidle',
    });
  });
});

describe('Node SDK against the sandbox', () => {
  it('scrape(url): {url, mode, sync} answers 200, camelCased', async () => {
    const { client } = await sdk();
    const result = scrapeResult.parse(await scrape(client, page('/article')));
    expect(result).toMatchObject({ url: page('/article'), statusCode: 200, billing: { tierUsed: '1' } });
  });

  it(
    'costControls {maxTier: 4 (a number), prefer, failFast, maxCostDollars} gets past /antibot',
    async () => {
      const { client } = await sdk();
      expect(scrapeResult.parse(await scrape(client, page('/antibot'), ANTIBOT)).billing.tierUsed).toBe('4');
    },
    BROWSER,
  );

  it(
    'advanced keys spread on the top level are ignored, not refused; mode js renders /js-rendered',
    async () => {
      const { client } = await sdk();
      expect(scrapeResult.parse(await scrape(client, page('/js-rendered'), JS)).billing.tierUsed).toBe('3');
    },
    BROWSER,
  );

  it('estimateCost(url) sends {url} only and gets the estimate (camelCased)', async () => {
    const { client } = await sdk();
    const estimate = await client.request('POST', '/api/v1/scrape/estimate', { url: page('/article') });
    expect(estimate).toMatchObject({
      url: page('/article'),
      estimatedTier: expect.any(String),
      confidence: expect.stringMatching(/^(low|medium|high)$/),
      reasoning: expect.stringMatching(/\w/),
    });
  });

  it('getUsage(): UsageStats (index.ts:191-202) from balance_dollars, credits_used_month, requests_month, period_*', async () => {
    const { client } = await sdk();
    z.object({
      balanceDollars: z.number(),
      creditsUsedMonth: z.number(),
      requestsMonth: z.number().int(),
      periodStart: z.iso.datetime(),
      periodEnd: z.iso.datetime(),
    }).parse(await client.request('GET', '/api/v1/usage'));
  });

  it('scrapeAsync → jobId (from job_id); GET /jobs/{id} walks to succeeded with a camelCased result', async () => {
    const { client } = await sdk();
    const { jobId } = (await client.request('POST', '/api/v1/scrape', nodeScrapeAsyncBody(page('/article')))) as {
      jobId: string;
    };
    expect(jobId).toEqual(expect.any(String));
    let job: Record<string, unknown> = {};
    for (let poll = 0; poll < 50 && !['succeeded', 'failed'].includes(String(job.status)); poll++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (await client.request('GET', `/api/v1/jobs/${jobId}`)) as Record<string, unknown>; // getJobStatus
    }
    expect(job).toMatchObject({ jobId, status: 'succeeded', error: null });
    scrapeResult.parse(job.result);
    // waitForJob ends only on `completed` (index.ts:705), so a finished job's documented `succeeded` has it poll
    // on until its timeout; PY2 ends only on `succeeded` (client.py:859). The sandbox keeps the documented status.
    expect(nodeJobPoll(job)).toEqual({ kind: 'poll-again' });
  });

  it('a failed job: waitForJob throws ScrapeError(status.error) whose message is readable', async () => {
    const { client } = await sdk();
    const { jobId } = (await client.request('POST', '/api/v1/scrape', nodeScrapeAsyncBody(page('/premium')))) as {
      jobId: string;
    };
    const failure = await failureOf(client.waitForJob(jobId));
    expect(failure).toBeInstanceOf(ClientError);
    expect(failure.kind).toBe('ScrapeError');
    expect(failure.message).not.toBe('[object Object]');
    expect(failure.message).toBe(json(client.attempts.at(-1)).error);
  });

  it('errors read detail (else message): 402 InsufficientCreditsError, not retried', async () => {
    const { client } = await sdk('free', 2);
    const refused = await failureOf(scrape(client, page('/article')));
    expect(refused).toMatchObject({ kind: 'InsufficientCreditsError', status: 402 });
    const body = json(client.attempts[0]);
    expect(refused.message).toBe(body.detail);
    expect(body).toMatchObject({ code: 'INSUFFICIENT_CREDITS', message: body.detail });
    expect(client.attempts).toHaveLength(1);
  });

  // A sandbox credit is $0.0002 (contract/money.ts); this key holds 2 credits, and a scrape of /article may run up
  // to tier 3 (the default max_tier) at 5 credits, all of which is set aside before it runs.
  it('402 InsufficientCreditsError carries balanceDollars and requiredDollars', async () => {
    const { client } = await sdk('free', 2);
    const refused = await failureOf(scrape(client, page('/article')));
    expect(refused.extra).toEqual({ balanceDollars: 0.0004, requiredDollars: 0.001 });
  });

  it('400 ValidationError carries the field at fault', async () => {
    const { client } = await sdk();
    const refused = await failureOf(scrape(client, 'not a url'));
    expect(refused).toMatchObject({ kind: 'ValidationError', status: 400, extra: { field: 'url' } });
  });

  it('422 ScrapeError carries the URL scraped and the tier it failed at', async () => {
    const { client } = await sdk();
    const refused = await failureOf(scrape(client, page('/garbled')));
    expect(refused).toMatchObject({ kind: 'ScrapeError', status: 422, extra: { url: page('/garbled'), tier: 1 } });
    expect(client.attempts).toHaveLength(1);
  });

  it('429: waits retry_after from the BODY (index.ts:493, 522-524), retries, succeeds', async () => {
    const key = await server.newKey('free');
    await Promise.all(Array.from({ length: 5 }, () => server.call('/usage', { key }))); // the free key's 5 a second
    const client = new NodeSdk(server, key);
    scrapeResult.parse(await scrape(client, page('/article')));
    const [limited, retried] = client.attempts;
    expect([limited?.status, retried?.status]).toEqual([429, 200]);
    expect(json(limited)).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', retry_after: expect.any(Number) });
    expect(Number.isInteger(json(limited).retry_after)).toBe(true);
  });

  it('5xx: a 504 is retried after 1 s (every 5xx is, index.ts:518), then succeeds', async () => {
    const { key, client } = await sdk();
    await server.call('/sandbox/faults', { method: 'POST', key, json: { status: 504, count: 1 } });
    scrapeResult.parse(await scrape(client, page('/article')));
    expect(client.attempts.map((attempt) => attempt.status)).toEqual([504, 200]);
    expect(json(client.attempts[0])).toMatchObject({ code: 'GATEWAY_TIMEOUT', detail: expect.any(String) });
  });
});
