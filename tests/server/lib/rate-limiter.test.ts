import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ testClock: true });
});
afterAll(() => server.close());

afterEach(() => vi.restoreAllMocks());

/**
 * Holds the server's clock still while a burst is sent: "concurrent" means within one second, and on a loaded
 * machine 100 real calls can take longer than that.
 */
const freezeClock = () => vi.spyOn(server.app.clock, 'now').mockReturnValue(server.app.clock.now());

const advance = (seconds: number) =>
  server.call('/sandbox/clock', { method: 'POST', key: null, json: { advance_seconds: seconds } });

describe('rate limiter', () => {
  it('lets exactly 5 of 100 concurrent calls on a free key through in their second', async () => {
    const key = await server.newKey('free');
    freezeClock();
    const responses = await Promise.all(Array.from({ length: 100 }, () => server.call('/usage', { key })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(95);

    const refused = responses.find((response) => response.status === 429)!;
    const body = (await refused.json()) as { error: string; retry_after: number; details: Record<string, unknown> };
    expect(body.error).toBe('RATE_LIMIT_EXCEEDED');
    expect(body.details).toMatchObject({ limit: 5, remaining: 0, window: 'second' });
    expect(body.retry_after).toBe(1);
    expect(refused.headers.get('retry-after')).toBe('1');
    for (const response of responses) {
      // The minute window on every answer, the refused ones included; the burst beside it.
      expect(response.headers.get('x-ratelimit-limit')).toBe('30');
      expect(response.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect(response.headers.get('x-ratelimit-reset')).toMatch(/^\d{10}$/);
      expect(response.headers.get('x-ratelimit-burst-limit')).toBe('5');
      expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f-]{36}$/);
    }
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('25');
    expect(refused.headers.get('x-ratelimit-burst-remaining')).toBe('0');
    expect(refused.headers.get('x-ratelimit-window')).toBeNull();
  });

  it('counts the burst down beside the minute, and a new second gives the burst back', async () => {
    const key = await server.newKey('free');
    freezeClock();
    const first = await server.call('/usage', { key });
    const second = await server.call('/usage', { key });
    expect([first, second].map((response) => response.headers.get('x-ratelimit-burst-remaining'))).toEqual(['4', '3']);
    expect([first, second].map((response) => response.headers.get('x-ratelimit-remaining'))).toEqual(['29', '28']);
    vi.restoreAllMocks();

    await advance(1.01);
    const later = await server.call('/usage', { key });
    expect(later.headers.get('x-ratelimit-burst-remaining')).toBe('4');
    expect(later.headers.get('x-ratelimit-remaining')).toBe('27');
    expect(later.headers.get('x-ratelimit-limit')).toBe('30');
  });

  it('counts down X-RateLimit-Remaining per call and stops at the per-minute limit', async () => {
    const key = await server.newKey('free');
    const remaining: number[] = [];
    for (let call = 0; call < 30; call++) {
      if (call > 0 && call % 5 === 0) await advance(1.01); // stay under the burst limit of 5 a second
      const response = await server.call('/usage', { key });
      expect(response.status).toBe(200);
      remaining.push(Number(response.headers.get('x-ratelimit-remaining')));
    }
    expect(remaining).toEqual(Array.from({ length: 30 }, (_, index) => 29 - index));

    await advance(1.01);
    const refused = await server.call('/usage', { key });
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { retry_after: number; details: { window: string; limit: number } };
    expect(body.details).toMatchObject({ window: 'minute', limit: 30 });
    expect(body.retry_after).toBeGreaterThan(50);
    expect(body.retry_after).toBeLessThanOrEqual(60);
    expect(Number(refused.headers.get('retry-after'))).toBe(body.retry_after);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('x-ratelimit-limit')).toBe('30');

    await advance(60);
    const again = await server.call('/usage', { key });
    expect(again.status).toBe(200);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('29');
  });

  it('limits each key on its own', async () => {
    const [first, second] = [await server.newKey('free'), await server.newKey('free')];
    freezeClock();
    await Promise.all(Array.from({ length: 6 }, () => server.call('/usage', { key: first })));
    expect((await server.call('/usage', { key: second })).status).toBe(200);
  });

  it('uses the plan of the key: growth allows 20 a second', async () => {
    const key = await server.newKey('growth');
    freezeClock();
    const responses = await Promise.all(Array.from({ length: 30 }, () => server.call('/usage', { key })));
    expect(responses.filter((response) => response.status === 200)).toHaveLength(20);
    expect(responses[0]!.headers.get('x-ratelimit-limit')).toBe('100');
  });
});
