import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../../support/test-server';
import { mcpEstimateBody, mcpScrapeBody, mcpScreenshotBody, type McpScrapeArgs } from './client-bodies';
import { failureOf, json } from './client-replay';
import { McpClient } from './mcp-server-replay';

// Issue 9: the MCP server (alterlab-mcp-server @589c112, src/client.ts + src/tools/*), unchanged, against the sandbox.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const page = (path: string) => `${server.demoWebUrl}${path}`;
const BROWSER = 60_000;
const money = /^\$[\d,]+(\.\d+)?$/; // '$0.42' (types.ts:553); MCP strips all but digits and '.' (client.ts:94)
const dollars = (display: string) => parseFloat(display.replace(/[^0-9.]/g, ''));

async function mcp(plan = 'growth', balance = 100_000_000) {
  const key = await server.newKey(plan, balance);
  return { key, client: new McpClient(server, key) };
}
/** client.scrape (client.ts:162-168) with handleScrape's body. */
const scrape = (client: McpClient, url: string, args: McpScrapeArgs = {}) =>
  client.request('POST', '/api/v1/scrape', mcpScrapeBody(url, args));

/** What formatScrapeResponse reads (format.ts:21-210), typed as types.ts:462-524 declares it. */
const scrapeResult = z.object({
  url: z.string(),
  final_url: z.string().optional(),
  redirected: z.boolean().optional(),
  title: z.string().nullish(),
  content: z.union([z.string(), z.record(z.string(), z.unknown())]),
  cached: z.boolean(),
  response_time_ms: z.number().int().nonnegative(),
  size_bytes: z.number().int().positive(),
  warning: z.string().nullish(),
  screenshot_url: z.string().nullish(),
  billing: z.object({
    total_credits: z.number(),
    tier_used: z.string(),
    escalations: z.array(
      z.object({
        tier: z.string(),
        result: z.enum(['success', 'failed', 'skipped']),
        duration_ms: z.number().nullish(),
      }),
    ),
    optimization_suggestion: z.string().nullish(),
    byop_applied: z.boolean().optional(),
    final_cost_microcents: z.number().nullish(),
  }),
});

describe('what the MCP server sends', () => {
  it('alterlab_scrape({url}) and alterlab_estimate_cost({url}) send these bodies, literally', () => {
    expect(mcpScrapeBody('https://example.com/')).toEqual({
      url: 'https://example.com/',
      method: 'GET',
      mode: 'auto',
      formats: ['markdown'],
      sync: true,
      timeout: 90,
      include_raw_html: false,
      advanced: {
        render_js: false,
        use_proxy: false,
        markdown: true,
        scroll_to_load: false,
        remove_cookie_banners: true,
        block_images: false,
      },
    });
    expect(mcpEstimateBody('https://example.com/')).toEqual({
      url: 'https://example.com/',
      mode: 'auto',
      advanced: { render_js: false, use_proxy: false },
    });
  });
});

describe('MCP server against the sandbox', () => {
  it('alterlab_scrape defaults: 200 with markdown content, the footer fields, X-AlterLab-Balance', async () => {
    const { client } = await mcp();
    const result = scrapeResult.parse(await scrape(client, page('/article')));
    expect(result.content).toMatchObject({ markdown: expect.stringMatching(/\w/) }); // format.ts:46
    expect(result.billing.tier_used).toBe('1');
    expect(client.attempts[0]?.headers.get('X-AlterLab-Balance')).toMatch(money);
    expect(client.lastBalanceWarning).toBeNull(); // a healthy balance: no warning level
  });

  it('documented fields without meaning here are accepted and named in `warning`', async () => {
    const { client } = await mcp();
    const args = { location: { country: 'DE', language: 'de' }, extraction_profile: 'article', evidence: true };
    const { warning } = scrapeResult.parse(await scrape(client, page('/article'), args));
    for (const field of ['location', 'extraction_profile', 'evidence']) expect(warning).toContain(field);
  });

  it('inline cookies reach the page: /members with demo_session=valid', async () => {
    const { client } = await mcp();
    const result = await scrape(client, page('/members'), { cookies: { demo_session: 'valid' } });
    expect(scrapeResult.parse(result).billing.tier_used).toBe('1');
  });

  it(
    'advanced.render_js: true with mode auto is js mode: /js-rendered starts at tier 3',
    async () => {
      const { client } = await mcp();
      const { billing } = scrapeResult.parse(await scrape(client, page('/js-rendered'), { render_js: true }));
      expect(billing.tier_used).toBe('3');
      expect(
        billing.escalations.filter((step) => step.result !== 'skipped').every((step) => Number(step.tier) >= 3),
      ).toBe(true);
    },
    BROWSER,
  );

  it(
    'cost_controls.max_tier "4" gets past /antibot',
    async () => {
      const { client } = await mcp();
      const result = await scrape(client, page('/antibot'), { cost_controls: { max_tier: '4' } });
      expect(scrapeResult.parse(result).billing.tier_used).toBe('4');
    },
    BROWSER,
  );

  it(
    'alterlab_screenshot: a real PNG at screenshot_url, fetched from the host root with the same key',
    async () => {
      const { client } = await mcp();
      const result = scrapeResult.parse(
        await client.request('POST', '/api/v1/scrape', mcpScreenshotBody(page('/article'))),
      );
      expect(result.screenshot_url).toEqual(expect.any(String));
      const image = await client.fetchScreenshot(result.screenshot_url!);
      expect(image.status).toBe(200);
      const bytes = new Uint8Array(await image.arrayBuffer());
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]); // \x89PNG
    },
    BROWSER,
  );

  it('alterlab_estimate_cost: url, estimated_tier, confidence and reasoning (format.ts:277-290)', async () => {
    const { client } = await mcp();
    const estimate = await client.request('POST', '/api/v1/scrape/estimate', mcpEstimateBody(page('/article')));
    expect(estimate).toMatchObject({
      url: page('/article'),
      estimated_tier: expect.any(String),
      confidence: expect.stringMatching(/^(low|medium|high)$/),
      reasoning: expect.stringMatching(/\w/),
    });
  });

  it('alterlab_check_balance: /billing/balance (format.ts:296-329), one conversion with /usage', async () => {
    const { key, client } = await mcp();
    const balance = z
      .object({
        balance_microcents: z.number().int(),
        balance_display: z.string().regex(money),
        total_deposited_cents: z.number(),
        total_spent_cents: z.number(),
      })
      .parse(await client.request('GET', '/api/v1/billing/balance'));
    expect(dollars(balance.balance_display)).toBeCloseTo(balance.balance_microcents / 1_000_000, 2);
    const usage = (await (await server.call('/usage', { key })).json()) as Record<string, number>;
    expect(usage.balance_dollars).toBeCloseTo(balance.balance_microcents / 1_000_000, 4);
    expect(usage.credits_available).toBe(balance.balance_microcents);
  });

  it('alterlab_get_usage: /billing/usage with the demo web among the top domains', async () => {
    const { client } = await mcp();
    await scrape(client, page('/article'));
    const usage = z
      .object({
        today_credits: z.number(),
        this_week_credits: z.number(),
        this_month_credits: z.number(),
        total_credits: z.number(),
        today_requests: z.number().int(),
        this_week_requests: z.number().int(),
        top_domains: z
          .array(z.object({ domain: z.string(), credits_used: z.number(), requests: z.number().int() }))
          .max(10),
        usage_since: z.string().nullish(),
      })
      .parse(await client.request('GET', '/api/v1/billing/usage'));
    expect(usage.today_credits).toBeGreaterThan(0);
    const demo = usage.top_domains.find((entry) => entry.domain.includes('127.0.0.1'));
    expect(demo).toMatchObject({ credits_used: usage.today_credits, requests: 1 });
  });

  it('an empty account: X-AlterLab-Balance-Warning "exhausted", read on error answers too (client.ts:140)', async () => {
    const { client } = await mcp('free', 0);
    await client.request('GET', '/api/v1/billing/balance');
    expect(client.lastBalanceWarning).toMatchObject({ level: 'exhausted', balance: expect.stringMatching(money) });
    const refused = await failureOf(scrape(client, page('/article')));
    expect(refused).toMatchObject({ status: 402, detail: expect.stringMatching(/\w/) });
    expect(client.lastBalanceWarning?.level).toBe('exhausted');
  });

  it('429: waits Retry-After (client.ts:129-133), retries, succeeds', async () => {
    const key = await server.newKey('free');
    await Promise.all(Array.from({ length: 5 }, () => server.call('/usage', { key }))); // the free key's 5 a second
    const client = new McpClient(server, key);
    scrapeResult.parse(await scrape(client, page('/article')));
    const [limited, retried] = client.attempts;
    expect([limited?.status, retried?.status]).toEqual([429, 200]);
    expect(limited?.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(json(limited)).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', detail: expect.any(String) });
  });

  it('503 is retried after 1 s and succeeds; 504 is not retried (client.ts:124-128) and shows detail', async () => {
    const { key, client } = await mcp();
    await server.call('/sandbox/faults', { method: 'POST', key, json: { status: 503, count: 1 } });
    scrapeResult.parse(await scrape(client, page('/article')));
    expect(client.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);

    await server.call('/sandbox/faults', { method: 'POST', key, json: { status: 504, count: 1 } });
    const timedOut = await failureOf(scrape(client, page('/article')));
    expect(timedOut).toMatchObject({ status: 504, detail: expect.stringMatching(/\w/) });
    expect(client.attempts.map((attempt) => attempt.status)).toEqual([503, 200, 504]);
    expect(json(client.attempts[2])).toMatchObject({ code: 'GATEWAY_TIMEOUT', billing: { refunded: true } });
  });
});
