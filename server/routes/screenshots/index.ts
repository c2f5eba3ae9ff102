import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../errors';
import { currentAccount } from '../current-account';

/** GET /screenshots/{id}: a scrape's PNG (its result's screenshot_url), for the key's own account only. */
const screenshotRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/screenshots/:screenshot_id',
    {
      schema: {
        tags: ['scrape'],
        description: 'The PNG of a scrape that asked for `screenshot`, fetched with the same key (image/png).',
        params: z.object({ screenshot_id: z.string().min(1).max(100) }),
      },
    },
    async (request, reply) => {
      const png = app.screenshots.find(currentAccount(request).id, request.params.screenshot_id);
      if (!png) throw fail('NOT_FOUND', 'Screenshot not found');
      // Never changes once taken; kept by the caller only, as it is fetched with a key.
      return reply.type('image/png').header('cache-control', 'private, max-age=86400, immutable').send(png);
    },
  );
};

export default screenshotRoutes;
