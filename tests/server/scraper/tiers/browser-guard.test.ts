import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScrapeFailure } from '../../../../server/scraper/scrape-failure';
import { createTargetGuard } from '../../../../server/scraper/target-guard';
import { createBrowserPool } from '../../../../server/scraper/tiers/browser-tier';

// A page on the allowed target tries to pull the browser into another service on the machine.
let inside: FastifyInstance;
let target: FastifyInstance;
let insideHits = 0;
let targetUrl = '';
let insideUrl = '';
const pool = { current: null as ReturnType<typeof createBrowserPool> | null };

beforeAll(async () => {
  inside = Fastify();
  inside.get('/secret', async () => {
    insideHits++;
    return 'INTERNAL SECRET';
  });
  // Node hands WebSocket handshakes to 'upgrade', never to a route.
  inside.server.on('upgrade', (_request, socket: Socket) => {
    insideHits++;
    socket.destroy();
  });
  insideUrl = await inside.listen({ host: '127.0.0.1', port: 0 });

  target = Fastify();
  target.get('/redirect', async (_request, reply) => reply.redirect(`${insideUrl}/secret`));
  // Only the first hop is the target's own: the second goes inside.
  target.get('/hop', async (_request, reply) => reply.redirect('/redirect'));
  // The page marks itself done once its socket has given up, so the scrape ends after the attempt.
  target.get('/socket', async (_request, reply) =>
    reply
      .type('text/html')
      .send(
        `<title>t</title><p id="socket">A page with a socket.</p><script>var ws = new WebSocket('${insideUrl.replace('http', 'ws')}/secret');` +
          `ws.onclose = function () { socket.setAttribute('data-done', ''); };</script>`,
      ),
  );
  target.get('/script', async (_request, reply) =>
    reply
      .type('text/html')
      .send(`<title>t</title><img src="${insideUrl}/secret?img"><script>location.href='${insideUrl}/secret'</script>`),
  );
  targetUrl = await target.listen({ host: '127.0.0.1', port: 0 });
  pool.current = createBrowserPool({
    chromiumPath: '/usr/bin/chromium',
    maxContexts: 1,
    guard: createTargetGuard({ allowPrivate: false, demoWebUrl: targetUrl }),
  });
});
afterAll(async () => {
  await pool.current?.close();
  await Promise.all([inside.close(), target.close()]);
});

const scrape = (path: string) =>
  pool
    .current!.fetch('3', {
      url: `${targetUrl}${path}`,
      deadline: Date.now() + 8000,
      cookies: {},
      waitFor: path === '/socket' ? '#socket[data-done]' : undefined,
    })
    .then(
      (page) => page.body.toString(),
      (error: unknown) => error,
    );

describe('the browser tiers and the target guard', () => {
  it.each(['/redirect', '/hop', '/script', '/socket'])(
    'never let a page at %s reach a private address',
    async (path) => {
      const result = await scrape(path);
      expect(String(result)).not.toContain('INTERNAL SECRET');
      expect(insideHits).toBe(0);
    },
  );

  it('fails a page that ends on the browser’s error page after a refused navigation, naming the refused address', async () => {
    for (const path of ['/redirect', '/script']) {
      const failure = await scrape(path);
      expect(failure).toBeInstanceOf(ScrapeFailure);
      expect((failure as ScrapeFailure).code).toBe('NETWORK_ERROR');
      expect((failure as ScrapeFailure).message).toContain(`${new URL(insideUrl).host}: refused`);
    }
  });
});
