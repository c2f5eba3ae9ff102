import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditLogPageSchema, auditLogQuerySchema } from '../../../contract/usage';
import { currentAccount } from '../current-account';

/** GET /billing/audit-log: the ledger, newest first, paged by cursor. */
const billingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/billing/audit-log',
    { schema: { tags: ['billing'], querystring: auditLogQuerySchema, response: { 200: auditLogPageSchema } } },
    async (request) => {
      const { limit, cursor } = request.query;
      return app.ledger.auditLog(currentAccount(request).id, limit, cursor ? Number(cursor) : null);
    },
  );
};

export default billingRoutes;
