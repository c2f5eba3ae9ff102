import { http, HttpResponse, type DefaultBodyType, type HttpResponseResolver, type PathParams } from 'msw';
import { setupServer } from 'msw/node';
import type { z } from 'zod';
import type { ErrorEnvelope } from '../../../contract/envelope';
import type { RequestLogPage } from '../../../contract/request-log';
import type { SandboxInfo } from '../../../contract/sandbox';
import type { Estimate, Job, jobAcceptedSchema, ScrapeRequest, ScrapeResult } from '../../../contract/scrape';
import type { DailyUsage, Usage } from '../../../contract/usage';
import { dailyUsageFixture, rateLimitHeaders, requestLogFixture, sandboxInfoFixture, usageFixture } from './fixtures';

export const API = '*/api/v1';

/** What each endpoint the dashboard calls answers, as the contract types it; any may answer the envelope instead. */
interface Answers {
  get: {
    '/usage': Usage;
    '/usage/daily': DailyUsage[];
    '/requests': RequestLogPage;
    '/sandbox/info': SandboxInfo;
    '/jobs/:id': Job;
  };
  post: { '/scrape': ScrapeResult | z.infer<typeof jobAcceptedSchema>; '/scrape/estimate': Estimate };
}

type Resolver<Body extends DefaultBodyType, Answer extends DefaultBodyType> = HttpResponseResolver<
  PathParams,
  Body,
  Answer | ErrorEnvelope
>;

/**
 * msw's handlers, typed from the contract: a handler cannot answer what the API cannot, and a POST handler reads
 * the request body as the contract's type. A test of an answer outside the contract uses msw's `http` itself.
 */
export const api = {
  get: <P extends keyof Answers['get']>(path: P, resolver: Resolver<DefaultBodyType, Answers['get'][P]>) =>
    http.get(`${API}${path}`, resolver),
  post: <P extends keyof Answers['post']>(path: P, resolver: Resolver<ScrapeRequest, Answers['post'][P]>) =>
    http.post(`${API}${path}`, resolver),
};

/** The happy path of the contract; a test overrides one handler with server.use() to make it fail. */
const handlers = [
  api.get('/usage', () => HttpResponse.json(usageFixture(), { headers: rateLimitHeaders(97) })),
  api.get('/requests', () =>
    HttpResponse.json(
      requestLogFixture([
        { path: '/api/v1/usage' },
        { path: '/api/v1/scrape', method: 'POST', status: 403, code: 'BLOCKED_BY_ANTIBOT' },
      ]),
      { headers: rateLimitHeaders(96) },
    ),
  ),
  api.get('/sandbox/info', () => HttpResponse.json(sandboxInfoFixture())),
  api.get('/usage/daily', () =>
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
