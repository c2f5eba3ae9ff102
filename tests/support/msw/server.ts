import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { dailyUsageFixture, rateLimitHeaders, requestLogFixture, sandboxInfoFixture, usageFixture } from './fixtures';

export const API = '*/api/v1';

/** The happy path of the contract; a test overrides one handler with server.use() to make it fail. */
export const handlers = [
  http.get(`${API}/usage`, () => HttpResponse.json(usageFixture(), { headers: rateLimitHeaders(97) })),
  http.get(`${API}/requests`, () =>
    HttpResponse.json(
      requestLogFixture([
        { path: '/api/v1/usage' },
        { path: '/api/v1/scrape', method: 'POST', status: 403, code: 'BLOCKED_BY_ANTIBOT' },
      ]),
      { headers: rateLimitHeaders(96) },
    ),
  ),
  http.get(`${API}/sandbox/info`, () => HttpResponse.json(sandboxInfoFixture())),
  http.get(`${API}/usage/daily`, () =>
    HttpResponse.json(
      dailyUsageFixture([
        {
          requests: 12,
          credits_charged: 9,
          credits_refunded: 5,
          cache_hits: 2,
          errors: { PAYWALL_DETECTED: 2, TIMEOUT: 1 },
        },
      ]),
      { headers: rateLimitHeaders(95) },
    ),
  ),
];

export const server = setupServer(...handlers);
