import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  refundListSchema,
  usageDaysSchema,
  usageDomainsSchema,
  usageTiersSchema,
} from '../../../contract/usage-report';
import { startTestServer, type TestServer } from '../../support/test-server';
import { waitForJob } from '../../support/wait-for-job';

let server: TestServer;
let key: string;
beforeAll(async () => {
  server = await startTestServer();
  key = await server.newKey('growth', 1000);
  // A known day: a charged success, its free cache hit, a refunded paywall and a refunded unreachable host.
  const article = `${server.demoWebUrl}/article`;
  expect((await server.scrape(key, { url: article, cache: true, max_tier: '1' })).status).toBe(200);
  expect((await server.scrape(key, { url: article, cache: true, max_tier: '1' })).body.billing).toMatchObject({
    cached: true,
  });
  expect((await server.scrape(key, { url: `${server.demoWebUrl}/premium`, max_tier: '1' })).status).toBe(402);
  expect((await server.scrape(key, { url: 'http://unreachable.invalid/', max_tier: '1' })).status).toBe(503);
  // Whatever else the key does is not a scrape, and the reports leave it out.
  await server.call('/usage', { key });
});
afterAll(() => server.close());

const get = async (path: string, who = key) => {
  const response = await server.call(path, { key: who });
  return { status: response.status, body: (await response.json()) as unknown };
};
const today = () => new Date().toISOString().slice(0, 10);

describe('GET /usage-report/days', () => {
  it('gives every day of the last 30 in UTC, today with its scrapes by outcome, credits and codes', async () => {
    const report = usageDaysSchema.parse((await get('/usage-report/days')).body);
    expect(report.time_zone).toBe('UTC');
    expect(report.days).toHaveLength(30);
    expect(report.to).toBe(today());
    expect(report.days.slice(0, -1).every((day) => day.requests === 0)).toBe(true);
    expect(report.days.at(-1)).toEqual({
      date: today(),
      requests: 4,
      outcomes: { success: 1, cached: 1, refunded: 2, failed: 0 },
      credits_charged: 3,
      credits_refunded: 2,
      errors: { PAYWALL_DETECTED: 1, NETWORK_ERROR: 1 },
    });
  });

  it('counts a job by how it ended, though its call answered 202 first', async () => {
    const other = await server.newKey('growth', 1000);
    const accepted = await server.scrape(other, { url: `${server.demoWebUrl}/premium`, max_tier: '1', sync: false });
    expect(accepted.status).toBe(202);
    await waitForJob(server, other, accepted.body.job_id!);
    const report = usageDaysSchema.parse((await get('/usage-report/days', other)).body);
    expect(report.days.at(-1)).toMatchObject({
      requests: 1,
      outcomes: { success: 0, cached: 0, refunded: 1, failed: 0 },
      credits_charged: 1,
      credits_refunded: 1,
      errors: { PAYWALL_DETECTED: 1 },
    });
  });

  it('reads the days of the asked time zone and period', async () => {
    const report = usageDaysSchema.parse(
      (await get(`/usage-report/days?tz=Pacific/Kiritimati&from=2020-02-27&to=2020-03-01`)).body,
    );
    expect(report).toMatchObject({ from: '2020-02-27', to: '2020-03-01', time_zone: 'Pacific/Kiritimati' });
    expect(report.days.map((day) => day.date)).toEqual(['2020-02-27', '2020-02-28', '2020-02-29', '2020-03-01']);
    expect(report.days.every((day) => day.requests === 0)).toBe(true);
  });
});

describe('GET /usage-report/tiers and /usage-report/domains', () => {
  it('sums credits by the tier that ran', async () => {
    const report = usageTiersSchema.parse((await get('/usage-report/tiers')).body);
    expect(report.tiers).toEqual([{ tier: '1', requests: 4, credits_charged: 3, credits_refunded: 2 }]);
  });

  it('lists target hosts by cost, with success rate and average tier', async () => {
    const report = usageDomainsSchema.parse((await get('/usage-report/domains')).body);
    expect(report.domains).toEqual([
      {
        domain: '127.0.0.1',
        requests: 3,
        success_rate: 2 / 3,
        credits_charged: 2,
        credits_refunded: 1,
        credits_net: 1,
        average_tier: 1,
      },
      {
        domain: 'unreachable.invalid',
        requests: 1,
        success_rate: 0,
        credits_charged: 1,
        credits_refunded: 1,
        credits_net: 0,
        average_tier: 1,
      },
    ]);
  });
});

describe('GET /usage-report/refunds', () => {
  it('lists the ledger refunds newest first with the policy verdict, filtered by code, paged by cursor', async () => {
    const all = refundListSchema.parse((await get('/usage-report/refunds')).body);
    expect(
      all.refunds.map(({ code, credits, expected, mismatch, domain }) => ({
        code,
        credits,
        expected,
        mismatch,
        domain,
      })),
    ).toEqual([
      { code: 'NETWORK_ERROR', credits: 1, expected: true, mismatch: false, domain: 'unreachable.invalid' },
      { code: 'PAYWALL_DETECTED', credits: 1, expected: true, mismatch: false, domain: '127.0.0.1' },
    ]);
    expect(all.refunds.every((refund) => refund.request_id?.length)).toBe(true);

    const paywall = refundListSchema.parse((await get('/usage-report/refunds?code=PAYWALL_DETECTED')).body);
    expect(paywall.refunds.map((refund) => refund.code)).toEqual(['PAYWALL_DETECTED']);

    const first = refundListSchema.parse((await get('/usage-report/refunds?limit=1')).body);
    expect(first.refunds).toHaveLength(1);
    const second = refundListSchema.parse(
      (await get(`/usage-report/refunds?limit=1&cursor=${first.next_cursor}`)).body,
    );
    expect(second.refunds.map((refund) => refund.id)).toEqual([all.refunds[1]!.id]);
    expect(second.next_cursor).toBeNull();
  });

  it('flags a refund the policy does not expect', async () => {
    const other = await server.newKey('growth', 1000);
    const accountId = (server.app.accounts.findByKey(other) as { account: { id: string } }).account.id;
    server.app.db
      .prepare(
        `INSERT INTO ledger (account_id, at, kind, credits, request_id, code) VALUES (?, ?, 'refund', 3, 'req_x', ?)`,
      )
      .run(accountId, Date.now(), 'RATE_LIMIT_EXCEEDED');
    const list = refundListSchema.parse((await get('/usage-report/refunds', other)).body);
    expect(list.refunds).toMatchObject([{ code: 'RATE_LIMIT_EXCEEDED', expected: false, mismatch: true }]);
    expect(refundListSchema.parse((await get('/usage-report/refunds?mismatch=true', other)).body).refunds).toHaveLength(
      1,
    );
    // The policy refunds every scraping failure: none of the known day's refunds is a mismatch.
    expect(refundListSchema.parse((await get('/usage-report/refunds?mismatch=true')).body).refunds).toEqual([]);
  });
});

describe('the reports of one account', () => {
  it('never show another account’s scrapes', async () => {
    const stranger = await server.newKey('growth', 1000);
    const days = usageDaysSchema.parse((await get('/usage-report/days', stranger)).body);
    expect(days.days.every((day) => day.requests === 0)).toBe(true);
    expect(usageTiersSchema.parse((await get('/usage-report/tiers', stranger)).body).tiers).toEqual([]);
    expect(usageDomainsSchema.parse((await get('/usage-report/domains', stranger)).body).domains).toEqual([]);
    expect(refundListSchema.parse((await get('/usage-report/refunds', stranger)).body).refunds).toEqual([]);
  });

  it.each([
    ['/usage-report/days?tz=Mars/Olympus_Mons', 'tz'],
    ['/usage-report/tiers?from=2026-03-02&to=2026-03-01', 'from'],
    ['/usage-report/domains?from=2024-01-01&to=2026-01-01', 'from'],
    ['/usage-report/refunds?cursor=abc', 'cursor'],
    ['/usage-report/refunds?code=timeout', 'code'],
  ])('answers %s with 400 and the envelope at the field', async (path, field) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'INVALID_REQUEST', details: { issues: [expect.objectContaining({ field })] } });
  });
});
