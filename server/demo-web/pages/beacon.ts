import type { FastifyReply } from 'fastify';
import type { DemoPage } from '../demo-page';

const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
// Bounds on what a flood of odd `via` values can make this in-memory tally hold.
const MAX_VIA_LENGTH = 40;
const MAX_VIA_KEYS = 64;

/** An answer each kind of request accepts quietly, so the page's own loading never errors. */
function answer(reply: FastifyReply, via: string) {
  if (via === 'img' || via === 'image-js') return reply.type('image/gif').send(PIXEL_GIF);
  if (via === 'script-src') return reply.type('text/javascript').send('');
  if (via === 'css') return reply.type('text/css').send('');
  // 204 also keeps a navigation (form, top-navigation, meta refresh) on the page it started from.
  return reply.code(204).send();
}

export const beacon: DemoPage = {
  path: '/beacon/count',
  description: 'Counts hits on /beacon (any method) by their "via"; POST /beacon/reset zeroes it.',
  register: (app) => {
    let count = 0;
    // A Map, not an object: a `via` of "__proto__" must stay a plain key.
    const byVia = new Map<string, number>();
    const tally = () => ({ count, via: Object.fromEntries(byVia) });

    app.all<{ Querystring: { via?: unknown } }>('/beacon', async (request, reply) => {
      const raw = request.query.via;
      let via = typeof raw === 'string' && raw !== '' ? raw.slice(0, MAX_VIA_LENGTH) : '(none)';
      if (!byVia.has(via) && byVia.size >= MAX_VIA_KEYS) via = '(other)';
      count += 1;
      byVia.set(via, (byVia.get(via) ?? 0) + 1);
      return answer(reply, via);
    });
    app.get('/beacon/count', async (_request, reply) => reply.header('access-control-allow-origin', '*').send(tally()));
    app.post('/beacon/reset', async (_request, reply) => {
      count = 0;
      byVia.clear();
      return reply.header('access-control-allow-origin', '*').send(tally());
    });
  },
};
