import { http, HttpResponse, type DefaultBodyType, type PathParams } from 'msw';
import type { ErrorEnvelope } from '../../../contract/envelope';
import {
  createWebhookSchema,
  recoverBodySchema,
  updateWebhookSchema,
  type Delivery,
  type DeliverySummary,
  type RecoverResult,
  type Webhook,
  type WebhookDetail,
  type WebhookWithSecret,
} from '../../../contract/webhooks';
import { envelope, rateLimitHeaders } from '../../support/msw/fixtures';
import { API, server } from '../../support/msw/server';

export interface WebhookCall {
  method: string;
  path: string;
  search: string;
  body?: unknown;
}

const headers = rateLimitHeaders(80);
const notFound = () =>
  HttpResponse.json<ErrorEnvelope>(envelope('NOT_FOUND', 'Webhook not found'), { status: 404, headers });

/** Answers typed from the contract: a handler cannot answer what the API cannot. */
const answer = <T extends DefaultBodyType>(body: T, status = 200) => HttpResponse.json<T>(body, { status, headers });

export const webhookFixture = (overrides: Partial<Webhook> = {}): Webhook => ({
  id: 'wh_0001',
  name: 'Orders',
  url: 'https://hooks.example.com/alterlab',
  events: ['job.completed', 'job.failed'],
  is_active: true,
  failure_count: 0,
  secret_last4: 'a1b2',
  stats: { delivered: 3, failed: 1, pending: 0, success_rate: 0.75 },
  created_at: '2026-11-30T09:00:00.000Z',
  updated_at: '2026-11-30T09:00:00.000Z',
  ...overrides,
});

export const deliveryFixture = (overrides: Partial<Delivery> = {}): Delivery => ({
  id: 'dlv_0001',
  webhook_id: 'wh_0001',
  event: 'job.failed',
  status: 'failed',
  attempt_count: 3,
  last_status_code: 500,
  next_attempt_at: null,
  resend_of: null,
  job_id: 'job_42',
  test: false,
  created_at: '2026-12-01T10:00:00.000Z',
  payload: JSON.stringify({ event: 'job.failed', data: { job_id: 'job_42', request_id: 'req_42', status: 'failed' } }),
  attempts: [1, 2, 3].map((attempt) => ({
    attempt,
    at: `2026-12-01T10:00:0${attempt}.000Z`,
    status_code: attempt === 3 ? null : 500,
    duration_ms: attempt === 3 ? 10_000 : 37.4,
    ok: false,
    response_excerpt: attempt === 3 ? null : 'database is down',
    error: attempt === 3 ? 'timeout' : null,
  })),
  ...overrides,
});

const summaryOf = ({ payload: _, attempts: __, ...summary }: Delivery): DeliverySummary => summary;

/**
 * The webhooks API as a small in-memory fake: writes change what later reads answer, and every call is recorded
 * with its body checked by the contract's schema. `recoverCount` is what a recovery preview answers.
 */
export function fakeWebhooksApi(
  options: { webhooks?: Webhook[]; deliveries?: Delivery[]; recoverCount?: number; createError?: ErrorEnvelope } = {},
) {
  const state = {
    webhooks: [...(options.webhooks ?? [])],
    deliveries: [...(options.deliveries ?? [])],
    calls: [] as WebhookCall[],
  };
  const record = (request: Request, body?: unknown) => {
    const url = new URL(request.url);
    state.calls.push({
      method: request.method,
      path: url.pathname.replace(/^.*\/api\/v1/, ''),
      search: url.search,
      body,
    });
  };
  const find = (id: unknown) => state.webhooks.find((webhook) => webhook.id === String(id));
  const detail = (webhook: Webhook): WebhookDetail => ({
    webhook,
    stats: webhook.stats,
    recent_deliveries: state.deliveries.filter((d) => d.webhook_id === webhook.id).map(summaryOf),
  });

  server.use(
    http.get<PathParams, DefaultBodyType>(`${API}/user-webhooks`, ({ request }) => {
      record(request);
      return answer({ webhooks: state.webhooks, total: state.webhooks.length });
    }),
    http.post(`${API}/user-webhooks`, async ({ request }) => {
      const body = createWebhookSchema.parse(await request.json());
      record(request, body);
      if (options.createError) return HttpResponse.json(options.createError, { status: 409, headers });
      const created: WebhookWithSecret = {
        ...webhookFixture({
          id: `wh_${state.webhooks.length + 2}`,
          url: body.url,
          name: body.name ?? null,
          events: body.events,
        }),
        stats: { delivered: 0, failed: 0, pending: 0, success_rate: null },
        secret_last4: 'XYZ9',
        secret: 'whsec_shownOnce1234567890abcdefXYZ9',
      };
      const { secret: _, ...stored } = created;
      state.webhooks.push(stored);
      return answer(created, 201);
    }),
    http.get<PathParams, DefaultBodyType, WebhookDetail | ErrorEnvelope>(
      `${API}/user-webhooks/:id`,
      ({ request, params }) => {
        record(request);
        const webhook = find(params.id);
        return webhook ? answer(detail(webhook)) : notFound();
      },
    ),
    http.put<PathParams, DefaultBodyType, Webhook | ErrorEnvelope>(
      `${API}/user-webhooks/:id`,
      async ({ request, params }) => {
        const body = updateWebhookSchema.parse(await request.json());
        record(request, body);
        const webhook = find(params.id);
        if (!webhook) return notFound();
        Object.assign(webhook, body);
        return answer(webhook);
      },
    ),
    http.delete(`${API}/user-webhooks/:id`, ({ request, params }) => {
      record(request);
      state.webhooks = state.webhooks.filter((webhook) => webhook.id !== params.id);
      return new HttpResponse(null, { status: 204, headers });
    }),
    http.get(`${API}/user-webhooks/:id/deliveries`, ({ request, params }) => {
      record(request);
      const status = new URL(request.url).searchParams.get('status');
      const listed = state.deliveries.filter((d) => d.webhook_id === params.id && (!status || d.status === status));
      return answer({ deliveries: listed.map(summaryOf) });
    }),
    http.get<PathParams, DefaultBodyType, Delivery | ErrorEnvelope>(
      `${API}/user-webhooks/:id/deliveries/:deliveryId`,
      ({ request, params }) => {
        record(request);
        const delivery = state.deliveries.find((d) => d.id === params.deliveryId);
        return delivery ? answer(delivery) : notFound();
      },
    ),
    http.post<PathParams, DefaultBodyType, DeliverySummary | ErrorEnvelope>(
      `${API}/user-webhooks/:id/deliveries/:deliveryId/resend`,
      ({ request, params }) => {
        record(request);
        const original = state.deliveries.find((d) => d.id === params.deliveryId);
        if (!original) return notFound();
        const resent = deliveryFixture({
          ...original,
          id: `${original.id}_again`,
          status: 'delivered',
          attempt_count: 1,
          last_status_code: 200,
          resend_of: original.id,
          attempts: [
            {
              attempt: 1,
              at: original.created_at,
              status_code: 200,
              duration_ms: 12,
              ok: true,
              response_excerpt: 'ok',
              error: null,
            },
          ],
        });
        state.deliveries.unshift(resent);
        return answer(summaryOf(resent), 202);
      },
    ),
    http.get(`${API}/user-webhooks/:id/recover`, ({ request }) => {
      record(request);
      const since = new URL(request.url).searchParams.get('since') ?? '';
      return answer<RecoverResult>({ since, count: options.recoverCount ?? 0 });
    }),
    http.post(`${API}/user-webhooks/:id/recover`, async ({ request }) => {
      const body = recoverBodySchema.parse(await request.json());
      record(request, body);
      return answer<RecoverResult>({ since: body.since, count: options.recoverCount ?? 0, deliveries: [] }, 202);
    }),
    // Last: the paths above are more specific.
    http.post<PathParams, DefaultBodyType, Webhook | DeliverySummary | ErrorEnvelope>(
      `${API}/user-webhooks/:id/:action`,
      ({ request, params }) => {
        record(request);
        const webhook = find(params.id);
        if (!webhook) return notFound();
        if (params.action === 'enable' || params.action === 'disable') {
          webhook.is_active = params.action === 'enable';
          return answer(webhook);
        }
        if (params.action === 'test') {
          const queued = deliveryFixture({
            id: `dlv_test_${state.deliveries.length}`,
            status: 'pending',
            attempts: [],
            attempt_count: 0,
            test: true,
          });
          state.deliveries.unshift(queued);
          return answer(summaryOf(queued), 202);
        }
        return notFound();
      },
    ),
  );
  return state;
}
