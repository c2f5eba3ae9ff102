import fp from 'fastify-plugin';
import { closeOcr } from './extract/ocr';
import type { EngineDeps } from './scrape-engine';
import { createTargetGuard } from './target-guard';
import { createBrowserPool } from './tiers/browser-tier';

/** Browser contexts open at once: bounded for a 2-core machine. */
const MAX_BROWSER_CONTEXTS = 3;

declare module 'fastify' {
  interface FastifyInstance {
    scraper: EngineDeps;
  }
}

/** What the scrape engine runs with (the target guard, the browser of tiers 3–4), stopped cleanly on close. */
export default fp<{ demoWebUrl: string }>(
  async (app, { demoWebUrl }) => {
    const guard = createTargetGuard({ allowPrivate: app.config.allowPrivateTargets, demoWebUrl });
    const browser = createBrowserPool({
      chromiumPath: app.config.chromiumPath,
      maxContexts: MAX_BROWSER_CONTEXTS,
      guard,
    });
    app.decorate('scraper', { guard, browser });
    app.addHook('onClose', async () => {
      await Promise.all([browser.close(), closeOcr()]);
    });
  },
  { name: 'scraper' },
);
