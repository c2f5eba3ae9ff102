import Fastify, { type FastifyInstance } from 'fastify';
import type { DemoPage } from './demo-page';
import { antibot } from './pages/antibot';
import { article } from './pages/article';
import { beacon } from './pages/beacon';
import { challenge } from './pages/challenge';
import { garbled } from './pages/garbled';
import { headersCheck } from './pages/headers-check';
import { hostile } from './pages/hostile';
import { hostileCorpus } from './pages/hostile-corpus';
import { huge } from './pages/huge';
import { indexPage } from './pages/index-page';
import { jsRendered } from './pages/js-rendered';
import { members } from './pages/members';
import { premium } from './pages/premium';
import { reportPdf } from './pages/report-pdf';
import { scanPng } from './pages/scan-png';
import { slow } from './pages/slow';

const PAGES: readonly DemoPage[] = [
  article,
  headersCheck,
  jsRendered,
  challenge,
  antibot,
  slow,
  huge,
  reportPdf,
  scanPng,
  garbled,
  members,
  premium,
  hostile,
  hostileCorpus,
  beacon,
];

/**
 * The demo web: target pages whose outcome is known, served on their own port
 * so the scraper fetches them for real.
 */
export async function buildDemoWeb(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  // Forms post url-encoded bodies, beacons post whatever they like: accept both without a plugin.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  // Scrapers and their caches must always see what the page does now, never a stored copy.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  for (const page of [indexPage(PAGES), ...PAGES]) page.register(app);
  await app.ready();
  return app;
}
