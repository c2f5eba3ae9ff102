import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogPageSchema, dailyUsageListSchema } from '../../../../contract/usage';
import { startTestServer, type TestServer } from '../../../support/test-server';
import { waitForJob } from '../../../support/wait-for-job';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const page = (path: string) => `${server.demoWebUrl}${path}`;

describe('estimate', () => {
  it('is free and agrees with what the run charges at the estimated tier', async () => {
    const key = await server.newKey('growth');
    for (const [path, extra] of [
      ['/article', {}],
      ['/report.pdf', { mode: 'pdf' }],
      ['/headers-check', { max_tier: '2' }],
    ] as const) {
      await server.scrape(key, { url: page(path), ...extra }); // teaches the estimate where this page succeeds
      const estimate = (await (
        await server.call('/scrape/estimate', { method: 'POST', key, json: { url: page(path), ...extra } })
      ).json()) as { estimated_tier: string; estimated_credits: number; confidence: string };
      const before = await server.balance(key);
      const { body } = await server.scrape(key, { url: page(path), ...extra });
      expect(body.billing?.tier_used).toBe(estimate.estimated_tier);
      expect(body.billing?.total_credits).toBe(estimate.estimated_credits);
      expect(estimate.confidence).toBe('high');
      expect(await server.balance(key)).toBe(before - estimate.estimated_credits);
    }
  });

  it('validates the request like a scrape', async () => {
    const response = await server.call('/scrape/estimate', { method: 'POST', json: { url: 'nope' } });
    expect(response.status).toBe(400);
  });
});

describe('cache', () => {
  it('serves a hit free with cached: true, and force_refresh scrapes again', async () => {
    const key = await server.newKey('growth', 1000);
    const request = { url: page('/article'), cache: true, cache_ttl: 600 };
    const first = await server.scrape(key, request);
    const second = await server.scrape(key, request);
    expect(first.body.cached).toBe(false);
    expect(second.body).toMatchObject({ cached: true, billing: { total_credits: 0, cached: true } });
    expect(second.body.content).toEqual(first.body.content);
    // Dated as the Python SDK reads a hit: stored when, served until (cache_ttl later).
    expect(first.body).not.toHaveProperty('cached_at');
    const { cached_at: cachedAt, expires_at: expiresAt } = second.body as { cached_at: string; expires_at: string };
    expect(Date.parse(expiresAt) - Date.parse(cachedAt)).toBe(600_000);
    expect(Date.parse(cachedAt)).toBeLessThanOrEqual(Date.now());
    const refreshed = await server.scrape(key, { ...request, force_refresh: true });
    expect(refreshed.body).toMatchObject({ cached: false, billing: { total_credits: 1 } });
    expect(await server.balance(key)).toBe(998);
  });

  it('keeps a pinned tier apart: a forced run is never served an answer another tier got', async () => {
    const key = await server.newKey('growth', 1000);
    await server.scrape(key, { url: page('/headers-check'), cache: true });
    const pinned = await server.scrape(key, {
      url: page('/headers-check'),
      cache: true,
      cost_controls: { force_tier: '1' },
    });
    expect({ status: pinned.status, code: pinned.body.error }).toEqual({ status: 403, code: 'BLOCKED_BY_ANTIBOT' });
  });
});

describe('async jobs', () => {
  it('goes queued → processing → succeeded, billed on completion', async () => {
    const key = await server.newKey('growth', 1000);
    const accepted = await server.scrape(key, { url: page('/slow?ms=400'), sync: false });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'queued', request_id: expect.stringMatching(/^req_/) });
    const { job, seen } = await waitForJob(server, key, accepted.body.job_id!);
    expect(seen).toContain('processing');
    expect(job.result).toMatchObject({ billing: { tier_used: '1', total_credits: 1 } });
    expect(await server.balance(key)).toBe(999);

    const logged = (await (await server.call(`/requests/${accepted.body.request_id}`, { key })).json()) as Record<
      string,
      unknown
    >;
    expect(logged).toMatchObject({ status: 202, credits_charged: 1, tier: '1', url: page('/slow?ms=400') });
  });

  it('fails with a readable error, the error envelope and its refund', async () => {
    const key = await server.newKey('growth', 1000);
    const accepted = await server.scrape(key, { url: page('/premium'), sync: false });
    const { job } = await waitForJob(server, key, accepted.body.job_id!);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^PAYWALL_DETECTED: \w/);
    expect(job.failure).toMatchObject({
      error: 'PAYWALL_DETECTED',
      code: 'PAYWALL_DETECTED',
      request_id: accepted.body.request_id,
      billing: { refunded: true, refunded_credits: 1 },
    });
    expect(await server.balance(key)).toBe(1000);
    // The POST answered 202; the log shows what its job came to.
    const logged = await (await server.call(`/requests/${accepted.body.request_id}`, { key })).json();
    expect(logged).toMatchObject({ status: 202, code: 'PAYWALL_DETECTED', credits_charged: 1, credits_refunded: 1 });
  });

  it('is invisible to another account', async () => {
    const [owner, other] = [await server.newKey('growth'), await server.newKey('growth')];
    const accepted = await server.scrape(owner, { url: page('/article'), sync: false });
    const response = await server.call(`/jobs/${accepted.body.job_id}`, { key: other });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toBe('NOT_FOUND');
  });
});

describe('faults', () => {
  it('answers the next calls with the armed status, refunding a scrape it charged', async () => {
    const key = await server.newKey('growth', 1000);
    await server.call('/sandbox/faults', { method: 'POST', key, json: { status: 503, count: 2 } });
    const usage = await server.call('/usage', { key });
    expect(usage.status).toBe(503);
    expect(((await usage.json()) as { error: string }).error).toBe('SERVICE_UNAVAILABLE');

    const scrape = await server.scrape(key, { url: page('/article') });
    expect({ status: scrape.status, code: scrape.body.error, billing: scrape.body.billing }).toEqual({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      billing: { refunded: true, refunded_credits: 1 },
    });
    expect((await server.scrape(key, { url: page('/article') })).status).toBe(200);
    expect(await server.balance(key)).toBe(999);
  });
});

describe('ledger, audit log and daily usage', () => {
  it('keeps one charge and at most one refund per request, paged newest first', async () => {
    const key = await server.newKey('growth', 1000);
    const ok = await server.scrape(key, { url: page('/article') });
    const failed = await server.scrape(key, { url: page('/premium') });

    const first = auditLogPageSchema.parse(await (await server.call('/billing/audit-log?limit=2', { key })).json());
    expect(first.entries.map((entry) => [entry.kind, entry.credits, entry.request_id])).toEqual([
      ['refund', 1, failed.body.request_id],
      ['charge', -1, failed.body.request_id],
    ]);
    expect(first.entries[0]).toMatchObject({ code: 'PAYWALL_DETECTED', url: page('/premium') });
    const rest = auditLogPageSchema.parse(
      await (await server.call(`/billing/audit-log?limit=5&cursor=${first.next_cursor}`, { key })).json(),
    );
    expect(rest.entries.map((entry) => [entry.kind, entry.credits])).toEqual([
      ['charge', -1],
      ['deposit', 1000],
    ]);
    expect(rest.entries[0]!.request_id).toBe(ok.body.request_id);
    expect(rest.next_cursor).toBeNull();
  });

  it('sums each day’s requests, credits, cache hits and error codes', async () => {
    const key = await server.newKey('growth', 1000);
    await server.scrape(key, { url: page('/article'), cache: true });
    await server.scrape(key, { url: page('/article'), cache: true });
    await server.scrape(key, { url: page('/premium') });
    const days = dailyUsageListSchema.parse(await (await server.call('/usage/daily?days=7', { key })).json());
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({
      requests: 3,
      credits_charged: 2,
      credits_refunded: 1,
      cache_hits: 1,
      errors: { PAYWALL_DETECTED: 1 },
    });
  });

  it('logs a scrape with its credits, code, tier and target URL', async () => {
    const key = await server.newKey('growth', 1000);
    const failed = await server.scrape(key, { url: page('/premium') });
    const entry = (await (await server.call(`/requests/${failed.body.request_id}`, { key })).json()) as Record<
      string,
      unknown
    >;
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/api/v1/scrape',
      status: 402,
      code: 'PAYWALL_DETECTED',
      credits_charged: 1,
      credits_refunded: 1,
      tier: '1',
      url: page('/premium'),
    });
  });
});

describe('holds', () => {
  const holds = () => (server.app.db.prepare('SELECT count(*) AS n FROM holds').get() as { n: number }).n;

  it('an async job served from the cache gives its hold back', async () => {
    const key = await server.newKey('growth', 1000);
    await server.scrape(key, { url: page('/article'), cache: true });
    const accepted = await server.scrape(key, { url: page('/article'), cache: true, sync: false });
    const { job } = await waitForJob(server, key, accepted.body.job_id!);
    expect(job.result).toMatchObject({ cached: true, billing: { total_credits: 0 } });
    expect(holds()).toBe(0);
    expect(await server.balance(key)).toBe(999);
  });
});

describe('a fault armed before a cache hit or an async scrape', () => {
  it('answers that call instead of being used up silently', async () => {
    const key = await server.newKey('growth', 1000);
    await server.scrape(key, { url: page('/article'), cache: true });
    await server.call('/sandbox/faults', { method: 'POST', key, json: { status: 502, count: 1 } });
    const faulted = await server.scrape(key, { url: page('/article'), cache: true });
    expect({ status: faulted.status, code: faulted.body.error }).toEqual({ status: 502, code: 'BAD_GATEWAY' });
    expect(faulted.body.billing).toEqual({ refunded: true, refunded_credits: 1 });
    expect((await server.scrape(key, { url: page('/article'), cache: true })).body.cached).toBe(true);
  });
});
