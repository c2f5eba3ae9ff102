import fp from 'fastify-plugin';
import { HEADER } from '../../contract/headers';

/**
 * X-Request-Id on every answer, the dashboard's pages and 404s outside /api/v1 included, so any envelope can be
 * matched to its log line. An id already set stays: in proxy mode it is the upstream's.
 */
export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply) => {
      if (!reply.hasHeader(HEADER.requestId)) reply.header(HEADER.requestId, request.id);
    });
  },
  { name: 'request-id' },
);
