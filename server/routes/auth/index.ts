import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tokenRequestSchema, tokenResponseSchema } from '../../../contract/auth';
import { fail } from '../../errors';

/** POST /auth/token: a dashboard login token for an API key (ours). */
const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/token',
    {
      config: { auth: false },
      schema: { tags: ['auth'], body: tokenRequestSchema, response: { 200: tokenResponseSchema } },
    },
    async (request) => {
      const found = app.accounts.findByKey(request.body.api_key);
      if (found.kind !== 'ok') {
        throw fail('INVALID_API_KEY', 'The API key is not valid or has been revoked');
      }
      request.account = found.account;
      const { token, expiresAt } = app.accounts.issueToken(found.account.id);
      return { token, expires_at: new Date(expiresAt).toISOString() };
    },
  );
};

export default authRoutes;
