import Fastify, { type FastifyInstance } from 'fastify';
import { articlePage } from './pages/article';

/**
 * The demo web: target pages whose outcome is known, served on their own port
 * so the scraper fetches them for real. Later pages join /article here.
 */
export async function buildDemoWeb(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/', async (_request, reply) =>
    reply.type('text/html').send('<!doctype html><title>Demo web</title><p>See <a href="/article">/article</a>.</p>'),
  );
  app.get('/article', async (_request, reply) => reply.type('text/html; charset=utf-8').send(articlePage()));
  await app.ready();
  return app;
}
