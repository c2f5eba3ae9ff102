import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateSchema } from '../../../../contract/scrape';
import { startTestServer, type TestServer } from '../../../support/test-server';

// cost_controls.force_tier and fail_fast as the official clients send them (api-facts §2.1.1): what runs, what is
// charged, and the error that names the tier a refused escalation would have tried.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const page = (path: string) => `${server.demoWebUrl}${path}`;

async function scrapeWith(path: string, extra: Record<string, unknown>) {
  const key = await server.newKey('growth', 1000);
  const answer = await server.scrape(key, { url: page(path), ...extra });
  return { ...answer, balance: await server.balance(key) };
}

describe('force_tier', () => {
  it('runs the pinned tier only and charges its price: no cheaper tier is tried first', async () => {
    const { status, body, balance } = await scrapeWith('/headers-check', { cost_controls: { force_tier: '2' } });
    expect(status).toBe(200);
    expect(body.billing?.escalations?.map((step) => [step.tier, step.result])).toEqual([['2', 'success']]);
    expect(body.warning).toBeUndefined();
    expect(balance).toBe(1000 - 2);
  });

  it('fails, refunded, rather than escalate, and names the tier it did not try', async () => {
    const { status, body, balance } = await scrapeWith('/js-rendered', { cost_controls: { force_tier: '1' } });
    expect({ status, code: body.error }).toEqual({ status: 422, code: 'EXTRACTION_FAILED' });
    expect(body.message).toContain('(force_tier 1: not escalated; tier 2 may get the page)');
    expect(body.details).toMatchObject({ required_tier: '2' });
    expect(body.details?.escalations).toEqual([expect.objectContaining({ tier: '1', result: 'failed' })]);
    expect(balance).toBe(1000);
  });

  it('is refused at its field above the cap, or at a tier the mode never runs', async () => {
    for (const [extra, message] of [
      [{ max_tier: '1', cost_controls: { force_tier: '2' } }, 'force_tier 2 is above max_tier 1: pin a lower tier'],
      [{ mode: 'js', cost_controls: { force_tier: '1' } }, 'mode js never runs at tier 1: pin tier 3 or 4'],
      [{ mode: 'html', cost_controls: { force_tier: 3 } }, 'mode html never runs at tier 3: pin tier 1 or 2'],
    ] as const) {
      const { status, body, balance } = await scrapeWith('/article', extra);
      expect({ status, code: body.error, field: body.details?.field }).toEqual({
        status: 400,
        code: 'INVALID_REQUEST',
        field: 'cost_controls.force_tier',
      });
      expect(body.message).toContain(message);
      expect(balance).toBe(1000);
    }
  });

  it('sets the estimate, and the hold, at the pinned tier', async () => {
    const key = await server.newKey('growth', 1000);
    const response = await server.call('/scrape/estimate', {
      method: 'POST',
      key,
      json: { url: page('/headers-check'), cost_controls: { force_tier: '2' } },
    });
    const estimate = estimateSchema.parse(await response.json());
    expect(estimate).toMatchObject({ estimated_tier: '2', estimated_credits: 2, max_possible_credits: 2 });
    expect(estimate.reasoning).toContain('force_tier pins it to that tier');
  });
});

describe('fail_fast', () => {
  it('stops at the first tier, refunded, at the top level or in cost_controls, naming the next tier', async () => {
    for (const extra of [{ fail_fast: true }, { cost_controls: { fail_fast: true } }]) {
      const { status, body, balance } = await scrapeWith('/headers-check', extra);
      expect({ status, code: body.error }).toEqual({ status: 403, code: 'BLOCKED_BY_ANTIBOT' });
      expect(body.message).toContain('(fail_fast: not escalated; tier 2 may get the page)');
      expect(body.details).toMatchObject({ required_tier: '2' });
      expect(body.billing).toEqual({ refunded: true, refunded_credits: 1 });
      expect(balance).toBe(1000);
    }
  });

  it('changes nothing when the first tier gets the page', async () => {
    const { status, body, balance } = await scrapeWith('/article', { fail_fast: true });
    expect(status).toBe(200);
    expect(body.billing).toMatchObject({ tier_used: '1', total_credits: 1 });
    expect(balance).toBe(1000 - 1);
  });
});
