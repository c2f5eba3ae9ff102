import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTargetGuard } from '../../../../server/scraper/target-guard';
import { createBrowserPool } from '../../../../server/scraper/tiers/browser-tier';

// A page on the allowed target tries to pull the browser into another service on the machine.
let inside: FastifyInstance;
let target: FastifyInstance;
let insideHits = 0;
let targetUrl = '';
const pool = { current: null as ReturnType<typeof createBrowserPool> | null };

beforeAll(async () => {
  inside = Fastify();
  inside.get('/secret', async () => {
    insideHits++;
    return 'INTERNAL SECRET';
  });
  const insideUrl = await inside.listen({ host: '127.0.0.1', port: 0 });

  target = Fastify();
  target.get('/redirect', async (_request, reply) => reply.redirect(`${insideUrl}/secret`));
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

describe('the browser tiers and the target guard', () => {
  it.each(['/redirect', '/script'])('never let a page at %s reach a private address', async (path) => {
    const result = await pool
      .current!.fetch('3', { url: `${targetUrl}${path}`, deadline: Date.now() + 8000, cookies: {} })
      .then(
        (page) => page.body.toString(),
        (error: unknown) => String(error),
      );
    expect(result).not.toContain('INTERNAL SECRET');
    expect(insideHits).toBe(0);
  });
});
