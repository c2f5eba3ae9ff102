import fp from 'fastify-plugin';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { createJobsRepository } from '../repositories/jobs-repository';
import { createScrapeCacheRepository } from '../repositories/scrape-cache-repository';
import { createTierMemoryRepository } from '../repositories/tier-memory-repository';
import { closeOcr } from '../scraper/extract/ocr';
import { createJobRunner } from '../scraper/job-runner';
import { createJobWork } from '../scraper/job-work';
import { createScrapeService } from '../scraper/scrape-service';
import { createTargetGuard } from '../scraper/target-guard';
import { createBrowserPool } from '../scraper/tiers/browser-tier';

/** Browser contexts open at once, and async jobs run at once: bounded for a 2-core machine. */
const MAX_BROWSER_CONTEXTS = 3;
const JOB_WORKERS = 3;

/** The scraper, its jobs and their storage, as decorators; stopped cleanly on close. */
export default fp<{ demoWebUrl: string }>(
  async (app, options) => {
    const guard = createTargetGuard({ allowPrivate: app.config.allowPrivateTargets, demoWebUrl: options.demoWebUrl });
    const browser = createBrowserPool({
      chromiumPath: findChromium({ CHROMIUM_PATH: app.config.chromiumPath }),
      maxContexts: MAX_BROWSER_CONTEXTS,
      guard,
    });
    const scrapes = createScrapeService({
      ledger: app.ledger,
      cache: createScrapeCacheRepository(app.db, app.clock),
      tierMemory: createTierMemoryRepository(app.db, app.clock),
      engine: { guard, browser },
    });
    const jobs = createJobsRepository(app.db, app.clock);
    const runner = createJobRunner({
      concurrency: JOB_WORKERS,
      run: createJobWork({
        jobs,
        scrapes,
        accounts: app.accounts,
        requestLog: app.requestLog,
        clock: app.clock,
        log: app.log,
      }),
    });

    app.decorate('browser', browser);
    app.decorate('scrapes', scrapes);
    app.decorate('jobs', jobs);
    app.decorate('jobRunner', runner);

    app.addHook('onReady', async () => {
      app.ledger.releaseStaleHolds();
      runner.resume(jobs.unfinished());
    });
    app.addHook('onClose', async () => {
      await runner.close();
      await Promise.all([browser.close(), closeOcr()]);
    });
  },
  { name: 'scraping', dependencies: ['storage'] },
);
