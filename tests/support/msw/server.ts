import { http, HttpResponse, type DefaultBodyType, type HttpResponseResolver, type PathParams } from 'msw';
import { setupServer } from 'msw/node';
import type { z } from 'zod';
import type { ErrorEnvelope } from '../../../contract/envelope';
import type { RequestLogEntry, RequestLogPage } from '../../../contract/request-log';
import type { SandboxInfo } from '../../../contract/sandbox';
import type { Estimate, Job, jobAcceptedSchema, ScrapeRequest, ScrapeResult } from '../../../contract/scrape';
import type {
  CreateSession,
  refreshSessionSchema,
  Session,
  sessionListSchema,
  SessionValidation,
  updateSessionSchema,
} from '../../../contract/sessions';
import type { DailyUsage, Usage } from '../../../contract/usage';
import { dailyUsageFixture, rateLimitHeaders, requestLogFixture, sandboxInfoFixture, usageFixture } from './fixtures';
import { sessionListFixture } from './session-fixtures';

export const API = '*/api/v1';

/** What each endpoint the dashboard calls answers, as the contract types it; any may answer the envelope instead. */
interface Answers {
  get: {
    '/usage': Usage;
    '/usage/daily': DailyUsage[];
    '/requests': RequestLogPage;
    '/requests/:id': RequestLogEntry;
    '/sandbox/info': SandboxInfo;
    '/jobs/:id': Job;
    '/sessions': z.infer<typeof sessionListSchema>;
    '/sessions/:id': Session;
  };
  post: {
    '/scrape': ScrapeResult | z.infer<typeof jobAcceptedSchema>;
    '/scrape/estimate': Estimate;
    '/sessions': Session;
    '/sessions/:id/refresh': Session;
    '/sessions/:id/validate': SessionValidation;
  };
  patch: { '/sessions/:id': Session };
  /** 204: no body. */
  delete: { '/sessions/:id': null };
}

/** What each endpoint's request body is, as the contract types it. */
interface Bodies {
  post: {
    '/scrape': ScrapeRequest;
    '/scrape/estimate': ScrapeRequest;
    '/sessions': CreateSession;
    '/sessions/:id/refresh': z.input<typeof refreshSessionSchema>;
    '/sessions/:id/validate': undefined;
  };
  patch: { '/sessions/:id': z.input<typeof updateSessionSchema> };
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
  post: <P extends keyof Answers['post']>(path: P, resolver: Resolver<Bodies['post'][P], Answers['post'][P]>) =>
    http.post(`${API}${path}`, resolver),
  patch: <P extends keyof Answers['patch']>(path: P, resolver: Resolver<Bodies['patch'][P], Answers['patch'][P]>) =>
    http.patch(`${API}${path}`, resolver),
  delete: <P extends keyof Answers['delete']>(path: P, resolver: Resolver<DefaultBodyType, Answers['delete'][P]>) =>
    http.delete(`${API}${path}`, resolver),
};

/** The happy path of the contract; a test overrides one handler with server.use() to make it fail. */
const handlers = [
  api.get('/usage', () => HttpResponse.json(usageFixture(), { headers: rateLimitHeaders(97) })),
  api.get('/requests', ({ request }) => {
    const origin = new URL(request.url).searchParams.get('origin');
    const page = requestLogFixture([
      { path: '/api/v1/usage' },
      {
        path: '/api/v1/scrape',
        method: 'POST',
        status: 403,
        code: 'BLOCKED_BY_ANTIBOT',
        url: 'https://shop.example.com/item',
        domain: 'shop.example.com',
        credits_charged: 5,
        credits_refunded: 5,
      },
    ]);
    // As the API filters: ?origin=user|dashboard keeps that origin's calls only.
    const requests = origin ? page.requests.filter((entry) => entry.origin === origin) : page.requests;
    return HttpResponse.json({ ...page, requests }, { headers: rateLimitHeaders(96) });
  }),
  api.get('/sandbox/info', () => HttpResponse.json(sandboxInfoFixture())),
  api.get('/sessions', () => HttpResponse.json(sessionListFixture([]), { headers: rateLimitHeaders(94) })),
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
