import type { FastifyPluginAsync } from 'fastify';

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade']);

/**
 * UPSTREAM_API mode: /api/v1/* goes to the real API unchanged, headers included,
 * so the same dashboard runs against it. The sandbox's own routes are not
 * mounted; the upstream answers them (with a 404).
 */
const upstreamProxy: FastifyPluginAsync<{ upstream: string }> = async (app, { upstream }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.all('/api/v1/*', async (request, reply) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers.set(name, value);
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && Buffer.isBuffer(request.body);
    const response = await fetch(`${upstream}${request.url}`, {
      method: request.method,
      headers,
      body: hasBody ? new Uint8Array(request.body as Buffer) : undefined,
      redirect: 'manual',
    });
    response.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') reply.header(name, value);
    });
    return reply.code(response.status).send(Buffer.from(await response.arrayBuffer()));
  });
};

export default upstreamProxy;
