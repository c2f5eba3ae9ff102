import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { noRoute } from '../errors';

// Vite puts a content hash in every name under assets/, so a changed file is a new URL: those may be kept
// forever. index.html names the current hashes, so a browser must revalidate it on every visit.
const HASHED_ASSET = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built dashboard (the .br / .gz twins the build writes beside each file, when the browser
 * accepts them), and index.html for any other GET so that deep links (/errors/TIMEOUT) load the app,
 * whose router takes it from there.
 */
const staticDashboard: FastifyPluginAsync<{ distDir: string }> = async (app, { distDir }) => {
  const root = path.resolve(distDir);
  const assetsDir = path.join(root, 'assets') + path.sep;
  const hasBuild = existsSync(path.join(root, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', filePath.startsWith(assetsDir) ? HASHED_ASSET : REVALIDATE);
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (hasBuild && wantsPage) return reply.type('text/html').sendFile('index.html');
    throw noRoute(request.method, request.url);
  });
};

export default staticDashboard;
