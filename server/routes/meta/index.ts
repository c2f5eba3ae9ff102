import type { FastifyPluginAsync } from 'fastify';

/** The OpenAPI description, generated from the same zod schemas the routes validate with. */
const metaRoutes: FastifyPluginAsync = async (app) => {
  app.get('/openapi.json', { config: { auth: false }, schema: { hide: true } }, async () => app.swagger());
};

export default metaRoutes;
