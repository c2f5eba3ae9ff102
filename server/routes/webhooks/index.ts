import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createWebhookSchema,
  deliveryListQuerySchema,
  deliveryListSchema,
  deliverySchema,
  deliverySummarySchema,
  recoverBodySchema,
  recoverQuerySchema,
  recoverResultSchema,
  updateWebhookSchema,
  webhookDetailSchema,
  webhookEventSchema,
  webhookListSchema,
  webhookSchema,
  webhookWithSecretSchema,
} from '../../../contract/webhooks';
import { currentAccount } from '../current-account';

// Any string: one of no known form is an unknown webhook (404), not a malformed request.
const params = z.object({ id: z.string().min(1).max(100) });
const deliveryParams = params.extend({ delivery_id: z.string().min(1).max(100) });
const tags = ['webhooks'];

/** Webhook endpoints (api-contract: Webhooks): the public API's paths, plus the sandbox's debugging tools. */
const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/user-webhooks', { schema: { tags, response: { 200: webhookListSchema } } }, async (request) =>
    app.webhooks.list(currentAccount(request).id),
  );

  app.post(
    '/user-webhooks',
    { schema: { tags, body: createWebhookSchema, response: { 201: webhookWithSecretSchema } } },
    async (request, reply) => reply.code(201).send(await app.webhooks.create(currentAccount(request).id, request.body)),
  );

  app.get('/user-webhooks/:id', { schema: { tags, params, response: { 200: webhookDetailSchema } } }, async (request) =>
    app.webhooks.get(currentAccount(request).id, request.params.id),
  );

  app.put(
    '/user-webhooks/:id',
    { schema: { tags, params, body: updateWebhookSchema, response: { 200: webhookSchema } } },
    async (request) => app.webhooks.update(currentAccount(request).id, request.params.id, request.body),
  );

  app.delete(
    '/user-webhooks/:id',
    { schema: { tags, params, response: { 204: z.null().describe('Deleted') } } },
    async (request, reply) => {
      app.webhooks.remove(currentAccount(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  for (const [action, is_active] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.post(
      `/user-webhooks/:id/${action}`,
      { schema: { tags, params, response: { 200: webhookSchema } } },
      async (request) => app.webhooks.update(currentAccount(request).id, request.params.id, { is_active }),
    );
  }

  app.post(
    '/user-webhooks/:id/rotate-secret',
    { schema: { tags, params, response: { 200: webhookWithSecretSchema } } },
    async (request) => app.webhooks.rotateSecret(currentAccount(request).id, request.params.id),
  );

  app.post(
    '/user-webhooks/:id/test',
    {
      schema: {
        tags,
        params,
        body: z.object({ event: webhookEventSchema.optional() }),
        response: { 202: deliverySummarySchema },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(app.webhooks.sendTest(currentAccount(request).id, request.params.id, request.body.event, request.id)),
  );

  app.get(
    '/user-webhooks/:id/deliveries',
    { schema: { tags, params, querystring: deliveryListQuerySchema, response: { 200: deliveryListSchema } } },
    async (request) => app.webhooks.deliveries(currentAccount(request).id, request.params.id, request.query),
  );

  app.get(
    '/user-webhooks/:id/deliveries/:delivery_id',
    { schema: { tags, params: deliveryParams, response: { 200: deliverySchema } } },
    async (request) => app.webhooks.delivery(currentAccount(request).id, request.params.id, request.params.delivery_id),
  );

  app.post(
    '/user-webhooks/:id/deliveries/:delivery_id/resend',
    { schema: { tags, params: deliveryParams, response: { 202: deliverySummarySchema } } },
    async (request, reply) =>
      reply
        .code(202)
        .send(app.webhooks.resend(currentAccount(request).id, request.params.id, request.params.delivery_id)),
  );

  // The count first (GET), then the run (POST): the page shows how many will be resent before it asks.
  app.get(
    '/user-webhooks/:id/recover',
    { schema: { tags, params, querystring: recoverQuerySchema, response: { 200: recoverResultSchema } } },
    async (request) => app.webhooks.recoverPreview(currentAccount(request).id, request.params.id, request.query.since),
  );

  app.post(
    '/user-webhooks/:id/recover',
    { schema: { tags, params, body: recoverBodySchema, response: { 202: recoverResultSchema } } },
    async (request, reply) =>
      reply.code(202).send(app.webhooks.recover(currentAccount(request).id, request.params.id, request.body.since)),
  );
};

export default webhookRoutes;
