import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrapeRequestSchema } from '../../../contract/scrape';
import { buildDemoWeb } from '../../../server/demo-web/app';
import { runScrape } from '../../../server/scraper/scrape-engine';
import { createTargetGuard } from '../../../server/scraper/target-guard';
import { createBrowserPool } from '../../../server/scraper/tiers/browser-tier';

// The engine on a machine without Chromium: tiers 3–4 say why they were skipped, and the scrape fails with
// the code the lower tiers found.
let demoWeb: FastifyInstance;
let demoWebUrl: string;
beforeAll(async () => {
  demoWeb = await buildDemoWeb();
  demoWebUrl = await demoWeb.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => demoWeb.close());

const noBrowser = () => createBrowserPool({ chromiumPath: null, maxContexts: 1 });
const deps = () => ({ guard: createTargetGuard({ allowPrivate: false, demoWebUrl }), browser: noBrowser() });

describe('escalation without a browser', () => {
  it('reports the missing Chromium on tiers 3 and 4 and fails with the lower tiers’ code', async () => {
    const request = scrapeRequestSchema.parse({ url: `${demoWebUrl}/challenge`, max_tier: '4' });
    const result = await runScrape(request, {}, deps());
    expect(result.kind).toBe('failure');
    if (result.kind !== 'failure') return;
    expect(result.failure.code).toBe('CHALLENGE_DETECTED');
    expect(result.highestTier).toBe('2');
    expect(result.escalations.map((step) => [step.tier, step.result])).toEqual([
      ['1', 'failed'],
      ['2', 'failed'],
      ['3', 'skipped'],
      ['4', 'skipped'],
    ]);
    expect(result.escalations[2]!.error).toMatch(/Chromium not found/);
  });

  it('still scrapes what tiers 1–2 can reach', async () => {
    const request = scrapeRequestSchema.parse({ url: `${demoWebUrl}/article` });
    const result = await runScrape(request, {}, deps());
    expect(result.kind).toBe('success');
  });
});
