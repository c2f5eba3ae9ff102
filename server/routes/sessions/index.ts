import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createSessionSchema,
  refreshSessionSchema,
  sessionListQuerySchema,
  sessionListSchema,
  sessionSchema,
  sessionValidationSchema,
  updateSessionSchema,
} from '../../../contract/sessions';
import { currentAccount } from '../current-account';

// Any string: one that is no UUID is an unknown session (404 SESSION_NOT_FOUND), not a malformed request.
const params = z.object({ id: z.string().min(1).max(100) });
const tags = ['sessions'];

/** Stored login sessions (api-facts §2.3): each account's own; values go in, only names come out. */
const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/sessions',
    { schema: { tags, body: createSessionSchema, response: { 201: sessionSchema } } },
    async (request, reply) => reply.code(201).send(app.sessions.create(currentAccount(request).id, request.body)),
  );

  app.get(
    '/sessions',
    { schema: { tags, querystring: sessionListQuerySchema, response: { 200: sessionListSchema } } },
    async (request) => app.sessions.list(currentAccount(request).id, request.query),
  );

  app.get('/sessions/:id', { schema: { tags, params, response: { 200: sessionSchema } } }, async (request) =>
    app.sessions.get(currentAccount(request).id, request.params.id),
  );

  app.patch(
    '/sessions/:id',
    { schema: { tags, params, body: updateSessionSchema, response: { 200: sessionSchema } } },
    async (request) => app.sessions.update(currentAccount(request).id, request.params.id, request.body),
  );

  app.post(
    '/sessions/:id/refresh',
    // No body at all (the MCP server sends none) is a refresh that only resets the counters (plugins/json-body.ts).
    { schema: { tags, params, body: refreshSessionSchema, response: { 200: sessionSchema } } },
    async (request) => app.sessions.refresh(currentAccount(request).id, request.params.id, request.body),
  );

  app.post(
    '/sessions/:id/validate',
    { schema: { tags, params, response: { 200: sessionValidationSchema } } },
    async (request) => {
      const validation = await app.sessions.validate(currentAccount(request).id, request.params.id);
      // The check sent the session's cookies to its site: the request log says which session and where.
      request.logFacts = { url: validation.details.url, sessionId: request.params.id };
      return validation;
    },
  );

  app.delete(
    '/sessions/:id',
    { schema: { tags, params, response: { 204: z.null().describe('Deleted') } } },
    async (request, reply) => {
      app.sessions.remove(currentAccount(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );
};

export default sessionRoutes;
