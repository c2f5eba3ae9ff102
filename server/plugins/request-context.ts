import fp from 'fastify-plugin';
import { HEADER } from '../../contract/headers';

/**
 * What every /api/v1 answer carries (request id, rate-limit headers, errors
 * included) and the request log: every call of an identified account.
 */
export default fp(
  async (app) => {
    app.decorateRequest('account', null);
    app.decorateRequest('rateLimit', null);
    app.decorateRequest('errorCode', null);
    app.decorateRequest('logExtras', null as never);
    app.decorateRequest('fault', null);

    app.addHook('onRequest', async (request) => {
      request.logExtras = {};
    });

    app.addHook('onSend', async (request, reply) => {
      reply.header(HEADER.requestId, request.id);
      const limit = request.rateLimit;
      if (limit) {
        reply.header(HEADER.limit, String(limit.limit));
        reply.header(HEADER.remaining, String(limit.remaining));
        reply.header(HEADER.reset, String(limit.reset));
        reply.header(HEADER.window, limit.window);
      }
    });

    app.addHook('onResponse', async (request, reply) => {
      if (!request.account) return;
      app.requestLog.record({
        requestId: request.id,
        accountId: request.account.id,
        method: request.method,
        path: request.url.split('?')[0] ?? request.url,
        status: reply.statusCode,
        code: request.errorCode,
        durationMs: reply.elapsedTime,
        at: app.clock.now(),
        ...request.logExtras,
      });
    });
  },
  { name: 'request-context', dependencies: ['storage'] },
);
