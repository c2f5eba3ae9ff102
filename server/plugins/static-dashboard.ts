import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { noRoute } from '../errors';

/**
 * Serves the built dashboard, and index.html for any other GET so that deep
 * links (/errors/TIMEOUT) load the app, whose router takes it from there.
 */
const staticDashboard: FastifyPluginAsync<{ distDir: string }> = async (app, { distDir }) => {
  const hasBuild = existsSync(path.join(distDir, 'index.html'));
  if (hasBuild) await app.register(fastifyStatic, { root: path.resolve(distDir), wildcard: false });

  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (hasBuild && wantsPage) return reply.type('text/html').sendFile('index.html');
    throw noRoute(request.method, request.url);
  });
};

export default staticDashboard;
