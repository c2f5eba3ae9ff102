import type { ErrorEnvelope } from '../../../contract/envelope';
import { requestLogPageSchema, type RequestLogPage } from '../../../contract/request-log';
import { sandboxInfoSchema, type SandboxInfo } from '../../../contract/sandbox';
import { dailyUsageListSchema, usageSchema, type DailyUsage, type Usage } from '../../../contract/usage';
import { DEMO_KEY } from '../demo-keys';

/** Fixtures go through the contract's schemas, so a handler can never answer what the API cannot. */
export const usageFixture = (overrides: Partial<Usage> = {}): Usage =>
  usageSchema.parse({
    plan: 'growth',
    rate_limit: { per_minute: 100, burst_per_second: 20 },
    balance_credits: 100_000,
    credits_used_month: 12,
    credits_refunded_month: 5,
    requests_month: 42,
    period_start: '2026-11-01T00:00:00.000Z',
    period_end: '2026-12-01T00:00:00.000Z',
    subscription_status: 'active',
    credits_available: 20_000_000,
    credits_used: 1_400,
    credits_limit: 20_001_400,
    balance_dollars: 20,
    requests_count: 42,
    subscription_tier: 'growth',
    billing_period_start: '2026-11-01T00:00:00.000Z',
    billing_period_end: '2026-12-01T00:00:00.000Z',
    ...overrides,
  });

export const requestLogFixture = (requests: Partial<RequestLogPage['requests'][number]>[] = []): RequestLogPage =>
  requestLogPageSchema.parse({
    requests: requests.map((entry, index) => ({
      request_id: `req_00000000-0000-4000-8000-00000000000${index}`,
      method: 'GET',
      path: '/api/v1/usage',
      status: 200,
      code: null,
      duration_ms: 3,
      at: '2026-11-25T10:00:00.000Z',
      credits_charged: 0,
      credits_refunded: 0,
      tier: null,
      url: null,
      domain: null,
      session_id: null,
      // The dashboard's own reads are its background calls; anything else a test logs is the user's.
      origin:
        (entry.method ?? 'GET') === 'GET' && (entry.path ?? '/api/v1/usage') === '/api/v1/usage' ? 'dashboard' : 'user',
      ...entry,
    })),
    next_cursor: null,
  });

export const sandboxInfoFixture = (): SandboxInfo =>
  sandboxInfoSchema.parse({
    sandbox: true,
    demo_web_url: 'http://127.0.0.1:8788',
    demo_accounts: [
      {
        key: DEMO_KEY.growth,
        name: 'Growth',
        plan: 'growth',
        balance_credits: 100_000,
        shows: '100 a minute',
        is_default: true,
      },
      {
        key: DEMO_KEY.revoked,
        name: 'Revoked key',
        plan: null,
        balance_credits: null,
        shows: 'INVALID_API_KEY',
        is_default: false,
      },
    ],
  });

export const envelope = (error: string, message: string, extra: Partial<ErrorEnvelope> = {}): ErrorEnvelope => ({
  error,
  message,
  detail: message,
  request_id: 'req_11111111-2222-4333-8444-555555555555',
  ...extra,
});

/** Rate-limit headers as the sandbox sends them; reset defaults to 60 s from now. */
export const rateLimitHeaders = (remaining: number, limit = 100, resetInSeconds = 60) => ({
  'X-RateLimit-Limit': String(limit),
  'X-RateLimit-Remaining': String(remaining),
  'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
  'X-Request-Id': 'req_11111111-2222-4333-8444-555555555555',
});

export const dailyUsageFixture = (days: Partial<DailyUsage>[] = []): DailyUsage[] =>
  dailyUsageListSchema.parse(
    days.map((day) => ({
      date: '2026-11-25',
      requests: 0,
      credits_charged: 0,
      credits_refunded: 0,
      cache_hits: 0,
      errors: {},
      ...day,
    })),
  );
