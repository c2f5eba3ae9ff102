import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLogEntrySchema, requestLogPageSchema, requestLogQuerySchema } from '../../../contract/request-log';
import { fail } from '../../errors';
import { currentAccount } from '../current-account';

/** The request log (ours): what support staff search. */
const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/requests',
    { schema: { tags: ['requests'], querystring: requestLogQuerySchema, response: { 200: requestLogPageSchema } } },
    async (request) => {
      const { code, status, since, session, cursor, limit } = request.query;
      return app.requestLog.list(currentAccount(request).id, {
        code,
        status,
        session,
        cursor,
        limit,
        sinceMs: since ? Date.parse(since) : undefined,
      });
    },
  );

  app.get(
    '/requests/:request_id',
    {
      schema: {
        tags: ['requests'],
        params: z.object({ request_id: z.string().min(1).max(100) }),
        response: { 200: requestLogEntrySchema },
      },
    },
    async (request) => {
      const entry = app.requestLog.get(currentAccount(request).id, request.params.request_id);
      if (!entry) throw fail('NOT_FOUND', 'Request not found');
      return entry;
    },
  );
};

export default requestRoutes;
