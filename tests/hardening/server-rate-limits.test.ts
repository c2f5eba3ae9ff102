import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorEnvelopeSchema } from '../../contract/envelope';
import { startTestServer, type TestServer } from '../support/test-server';

// The seed's plan table written out (README "Demo accounts" and api-facts), not read from contract/plans.ts: the
// test checks the limiter against the published numbers, not against itself.
const LIMITS = {
  free: { perMinute: 30, perSecond: 5 },
  basic: { perMinute: 60, perSecond: 10 },
  growth: { perMinute: 100, perSecond: 20 },
  scale: { perMinute: 300, perSecond: 30 },
  high_volume: { perMinute: 500, perSecond: 50 },
} as const;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Seen {
  status: number;
  limit: string | null;
  remaining: string | null;
  reset: string | null;
  burstLimit: string | null;
  burstRemaining: string | null;
  retryAfter: string | null;
  body: string;
}

async function burst(key: string, size: number): Promise<Seen[]> {
  return Promise.all(
    Array.from({ length: size }, async () => {
      const response = await server.call('/usage', { key });
      const header = (name: string) => response.headers.get(name);
      return {
        status: response.status,
        limit: header('x-ratelimit-limit'),
        remaining: header('x-ratelimit-remaining'),
        reset: header('x-ratelimit-reset'),
        burstLimit: header('x-ratelimit-burst-limit'),
        burstRemaining: header('x-ratelimit-burst-remaining'),
        retryAfter: header('retry-after'),
        body: await response.text(),
      };
    }),
  );
}

const countdown = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(from - 1 - i));
const sortedDesc = (values: (string | null)[]) => [...values].sort((x, y) => Number(y) - Number(x));

describe('the rate limiter under concurrent calls', () => {
  // Only the sandbox's clock moves time here: on a loaded machine a burst could otherwise straddle a real second and
  // meet two burst windows (one such run passed 42 calls of a 30-a-second plan).
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it.each(Object.entries(LIMITS))(
    '%s: exactly its per-second and per-minute numbers pass, and every header agrees',
    { timeout: 60_000 },
    async (plan, { perMinute, perSecond }) => {
      const key = await server.newKey(plan, 1000);
      // newKey's call is key-less: the key's own minute opens with the first burst below.
      const passedRemaining: (string | null)[] = [];
      const resets = new Set<string | null>();
      let fired = 0;
      while (passedRemaining.length < perMinute) {
        const answers = await burst(key, perSecond * 2);
        fired += answers.length;
        const passed = answers.filter((answer) => answer.status === 200);
        const refused = answers.filter((answer) => answer.status === 429);
        const expected = Math.min(perSecond, perMinute - passedRemaining.length);
        expect(passed.length).toBe(expected);
        expect(refused.length).toBe(answers.length - expected);
        // Within the second, the burst headers count down one by one, each value once.
        expect(sortedDesc(passed.map((answer) => answer.burstRemaining))).toEqual(countdown(perSecond, expected));
        for (const answer of answers) {
          expect(answer.limit).toBe(String(perMinute));
          expect(answer.burstLimit).toBe(String(perSecond));
          resets.add(answer.reset);
        }
        for (const answer of refused) {
          const body = errorEnvelopeSchema.parse(JSON.parse(answer.body));
          expect(body.error).toBe('RATE_LIMIT_EXCEEDED');
          expect(answer.retryAfter).toBe(String(body.retry_after));
          expect(Number(answer.retryAfter)).toBeGreaterThan(0);
          expect(body.details?.window).toBe(passedRemaining.length + expected < perMinute ? 'second' : 'minute');
          // What a refused call shows is what is left, and it says which window refused it.
          if (body.details?.window === 'second') expect(answer.burstRemaining).toBe('0');
          else expect(answer.remaining).toBe('0');
        }
        passedRemaining.push(...passed.map((answer) => answer.remaining));
        server.app.clock.advance(1.05);
      }
      // Over the minute: each remaining value from perMinute − 1 down to 0 exactly once, one reset for all.
      expect(sortedDesc(passedRemaining)).toEqual(countdown(perMinute, perMinute));
      expect(resets.size).toBe(1);

      // The minute is spent: a further burst passes nothing and says the minute refused it…
      const spent = await burst(key, perSecond);
      expect(spent.every((answer) => answer.status === 429)).toBe(true);
      expect(spent.map((answer) => errorEnvelopeSchema.parse(JSON.parse(answer.body)).details?.window)).toEqual(
        Array(perSecond).fill('minute'),
      );
      // …and the next minute opens whole.
      server.app.clock.advance(60);
      const next = await burst(key, 1);
      expect(next[0]).toMatchObject({ status: 200, remaining: String(perMinute - 1) });
      console.log(
        `rate limits: ${plan} held at ${perSecond}/s and ${perMinute}/min over ${fired + perSecond + 1} calls`,
      );
    },
  );
});
