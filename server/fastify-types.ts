import type Database from 'better-sqlite3';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Account, AccountsRepository } from './repositories/accounts-repository';
import type { LedgerRepository } from './repositories/ledger-repository';
import type { RequestLogRepository } from './repositories/request-log-repository';
import type { RateLimitState } from './plugins/rate-limiter';
import type { JobsRepository } from './repositories/jobs-repository';
import type { Fault, Faults } from './sandbox/faults';
import type { JobRunner } from './scraper/job-runner';
import type { ScrapeService } from './scraper/scrape-service';
import type { BrowserPool } from './scraper/tiers/browser-tier';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Database.Database;
    clock: Clock;
    accounts: AccountsRepository;
    ledger: LedgerRepository;
    requestLog: RequestLogRepository;
    faults: Faults;
    browser: BrowserPool;
    scrapes: ScrapeService;
    jobs: JobsRepository;
    jobRunner: JobRunner;
  }
  interface FastifyRequest {
    /** The account the key or token belongs to; null before auth or when there is none. */
    account: Account | null;
    rateLimit: RateLimitState | null;
    /** The envelope's code when the answer is an error, for the request log. */
    errorCode: string | null;
    /** What a scrape route learned, for the request log (later issues fill these). */
    logExtras: {
      creditsCharged?: number;
      creditsRefunded?: number;
      tier?: string | null;
      url?: string | null;
      cached?: boolean;
    };
    /** A sandbox fault armed for this call, for a route that bills it itself (scrape). */
    fault: Fault | null;
  }
  interface FastifyContextConfig {
    /** false: the route answers without a key (it may still use one when given). */
    auth?: boolean;
    /** true: the route takes an armed sandbox fault itself (to charge and refund it); others just fail with it. */
    billsFaults?: boolean;
  }
}
