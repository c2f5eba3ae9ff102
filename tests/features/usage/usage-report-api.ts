import { http, HttpResponse } from 'msw';
import {
  refundListSchema,
  usageDaysSchema,
  usageDomainsSchema,
  usageTiersSchema,
  type RefundEntry,
  type UsageDay,
  type UsageDomain,
  type UsageTier,
} from '../../../contract/usage-report';
import { API, server } from '../../support/msw/server';

/** Three days of a small account, in the contract's shapes (parsed, so a fixture cannot say what the API cannot). */
const day = (date: string, overrides: Partial<UsageDay> = {}): UsageDay => ({
  date,
  requests: 0,
  outcomes: { success: 0, cached: 0, refunded: 0, failed: 0 },
  credits_charged: 0,
  credits_refunded: 0,
  errors: {},
  ...overrides,
});

const DAYS: UsageDay[] = [
  day('2026-11-29', {
    requests: 7,
    outcomes: { success: 4, cached: 1, refunded: 2, failed: 0 },
    credits_charged: 26,
    credits_refunded: 6,
    errors: { TIMEOUT: 1, PAYWALL_DETECTED: 1 },
  }),
  day('2026-11-30'),
  day('2026-12-01', {
    requests: 5,
    outcomes: { success: 1, cached: 0, refunded: 1, failed: 3 },
    credits_charged: 25,
    credits_refunded: 20,
    errors: { BLOCKED_BY_ANTIBOT: 1, RATE_LIMIT_EXCEEDED: 3 },
  }),
];

const TIERS: UsageTier[] = [
  { tier: '1', requests: 6, credits_charged: 6, credits_refunded: 1 },
  { tier: '4', requests: 2, credits_charged: 40, credits_refunded: 20 },
];

const domain = (name: string, net: number, overrides: Partial<UsageDomain> = {}): UsageDomain => ({
  domain: name,
  requests: 3,
  success_rate: 0.5,
  credits_charged: net,
  credits_refunded: 0,
  credits_net: net,
  average_tier: 1.5,
  ...overrides,
});
/** In cost order, as the API sorts them. */
const DOMAINS: UsageDomain[] = [
  domain('travel.example.net', 20, { credits_charged: 40, credits_refunded: 20, average_tier: 4 }),
  domain('news.example.org', 9),
  domain('zzz.example.com', 2, { success_rate: 1 }),
];

/** A refund of the fixtures' shape: a TIMEOUT on shop.example.com, refunded as the policy says. */
export const refund = (id: number, overrides: Partial<RefundEntry> = {}): RefundEntry => ({
  id,
  at: '2026-12-01T10:00:00.000Z',
  request_id: `req_0000000${id}-0000-4000-8000-000000000000`,
  code: 'TIMEOUT',
  credits: 5,
  domain: 'shop.example.com',
  policy: 'refunded',
  expected: true,
  mismatch: false,
  ...overrides,
});
const REFUNDS: RefundEntry[] = [
  refund(3, { at: '2026-12-01T10:00:00.000Z', code: 'BLOCKED_BY_ANTIBOT', credits: 20, domain: 'travel.example.net' }),
  refund(2, {
    at: '2026-11-29T12:00:00.000Z',
    code: 'RATE_LIMIT_EXCEEDED',
    credits: 1,
    policy: 'not-refunded',
    expected: false,
    mismatch: true,
  }),
  refund(1, { at: '2026-11-29T09:00:00.000Z', code: 'PAYWALL_DETECTED', credits: 1, domain: 'news.example.org' }),
];

const period = { from: '2026-11-29', to: '2026-12-01', time_zone: 'UTC' };

/** Answers the four reports; every call's URL is kept, so a test can read what the page asked for. */
export function useUsageReportApi(refunds: RefundEntry[] = REFUNDS) {
  const calls: URL[] = [];
  const seen = (request: Request) => {
    const url = new URL(request.url);
    calls.push(url);
    return url;
  };
  server.use(
    http.get(`${API}/usage-report/days`, ({ request }) => {
      const tz = seen(request).searchParams.get('tz') ?? 'UTC';
      return HttpResponse.json(usageDaysSchema.parse({ ...period, time_zone: tz, days: DAYS }));
    }),
    http.get(`${API}/usage-report/tiers`, ({ request }) => {
      seen(request);
      return HttpResponse.json(usageTiersSchema.parse({ ...period, tiers: TIERS }));
    }),
    http.get(`${API}/usage-report/domains`, ({ request }) => {
      seen(request);
      return HttpResponse.json(usageDomainsSchema.parse({ ...period, domains: DOMAINS }));
    }),
    http.get(`${API}/usage-report/refunds`, ({ request }) => {
      const url = seen(request);
      const code = url.searchParams.get('code');
      const mismatch = url.searchParams.get('mismatch') === 'true';
      const kept = refunds.filter((entry) => (!code || entry.code === code) && (!mismatch || entry.mismatch));
      return HttpResponse.json(refundListSchema.parse({ ...period, refunds: kept, next_cursor: null }));
    }),
  );
  return { calls, callsTo: (path: string) => calls.filter((url) => url.pathname.endsWith(path)) };
}
