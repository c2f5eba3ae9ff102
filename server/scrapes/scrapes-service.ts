import { createHash, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import { priceOf } from '../../contract/pricing';
import type { Estimate, jobAcceptedSchema, ScrapeRequestParsed, ScrapeResult } from '../../contract/scrape';
import { exceedsCostLimit, type Billed, type Billing } from '../billing/billing-service';
import { ApiFailure, envelopeOf, fail, internalError } from '../errors';
import type { Account } from '../repositories/accounts-repository';
import type { JobsRepository, StoredJob } from '../repositories/jobs-repository';
import type { ScrapeCacheRepository } from '../repositories/scrape-cache-repository';
import { faultFailure, type Fault } from '../sandbox/faults';
import { runScrape, type EngineDeps } from '../scraper/scrape-engine';
import { createJobRunner } from './job-runner';

/** Async jobs run at once: bounded for a 2-core machine. */
const JOB_WORKERS = 3;

interface ScrapesDeps {
  billing: Billing;
  scraper: EngineDeps;
  cache: ScrapeCacheRepository;
  jobs: JobsRepository;
  log: FastifyBaseLogger;
}

export interface ScrapeCall {
  account: Account;
  requestId: string;
  request: ScrapeRequestParsed;
  /** An armed sandbox fault: it answers this call, charged and refunded as its code says, whatever else applies. */
  fault: Fault | null;
}

export type ScrapeAnswer =
  | { ok: true; status: 200; body: ScrapeResult }
  | { ok: true; status: 202; body: z.infer<typeof jobAcceptedSchema> }
  | { ok: false; failure: ApiFailure };

/** What the request log records of a scrape beyond the HTTP call; its cost is the settlement's. */
export interface ScrapeLogFacts {
  url: string;
}

/**
 * POST /scrape from request to ledger, sync or async: the checks that cost nothing, the fault, the cache, the
 * hold, the tiers, then one settlement. A job runs the same scrape later, through `runJob`.
 */
export function createScrapesService(deps: ScrapesDeps) {
  const runner = createJobRunner({ concurrency: JOB_WORKERS, run: runJob });

  async function handle(call: ScrapeCall): Promise<{ answer: ScrapeAnswer; log: ScrapeLogFacts }> {
    const log = { url: call.request.url };
    try {
      return { answer: await answer(call), log };
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      return { answer: { ok: false, failure: error }, log };
    }
  }

  async function answer({ account, requestId, request, fault }: ScrapeCall): Promise<ScrapeAnswer> {
    const quoted = await precheck(account, request);
    const billed = { accountId: account.id, requestId, request };
    if (fault) {
      deps.billing.hold(billed, quoted);
      const billing = deps.billing.settle(billed, { kind: 'failure', code: fault, tier: quoted.estimated_tier });
      throw faultFailure(fault, { billing });
    }
    // An async request always answers 202: its job looks in the cache when it runs.
    const hit = request.sync ? fromCache(billed) : null;
    if (hit) return { ok: true, status: 200, body: hit };
    deps.billing.hold(billed, quoted);
    if (request.sync) return { ok: true, status: 200, body: await scrape(billed) };
    const job = { id: randomUUID(), accountId: account.id, requestId, request };
    deps.jobs.create(job);
    runner.enqueue(job);
    return { ok: true, status: 202, body: { job_id: job.id, status: 'queued', request_id: requestId } };
  }

  /** Refusals that happen before anything is held or charged. */
  async function precheck(account: Account, request: ScrapeRequestParsed): Promise<Estimate> {
    if (request.session_id && request.cookies) {
      throw fail('SESSION_COOKIES_CONFLICT', 'Send either session_id or cookies, not both', {
        details: { field: 'cookies' },
      });
    }
    // Stored sessions arrive with the sessions work; until then no session id can exist.
    if (request.session_id) throw fail('SESSION_NOT_FOUND', `No session ${request.session_id} for this account`);
    await deps.scraper.guard.check(request.url);
    if (account.subscriptionStatus !== 'active') {
      throw fail('SUBSCRIPTION_INACTIVE', 'Your subscription has been cancelled or its payment failed');
    }
    return deps.billing.quote(account.id, request);
  }

  /** A cache hit is free and says so; requests with cookies are personal and never cached. */
  function fromCache(billed: Billed): ScrapeResult | null {
    const { accountId, requestId, request } = billed;
    if (!request.cache || request.force_refresh || request.cookies) return null;
    const hit = deps.cache.get(accountId, cacheKey(request));
    if (!hit) return null;
    const tier = hit.billing.tier_used;
    deps.billing.settle(billed, { kind: 'cache-hit', tier });
    const billing = { total_credits: 0, tier_used: tier, cached: true, escalations: [] };
    return { ...hit, cached: true, request_id: requestId, billing };
  }

  /** The tiers, then the settlement; a failure is thrown with its billing. */
  async function scrape(billed: Billed): Promise<ScrapeResult> {
    const { accountId, requestId, request } = billed;
    try {
      const outcome = await runScrape(request, request.cookies ?? {}, deps.scraper);
      if (outcome.kind === 'over-budget') {
        deps.billing.settle(billed, { kind: 'failure', code: 'EXCEEDS_COST_LIMIT', tier: null });
        throw exceedsCostLimit(request, outcome.nextTier);
      }
      if (outcome.kind === 'failure') {
        const { code, message } = outcome.failure;
        const billing = deps.billing.settle(billed, { kind: 'failure', code, tier: outcome.highestTier });
        throw fail(code, message, { billing, details: { escalations: outcome.escalations } });
      }
      const { page, extracted, tier, escalations } = outcome;
      const result: ScrapeResult = {
        url: request.url,
        final_url: page.finalUrl,
        status_code: page.status,
        title: extracted.title,
        content: extracted.content,
        cached: false,
        request_id: requestId,
        billing: { total_credits: priceOf(tier, request.mode), tier_used: tier, cached: false, escalations },
      };
      // Cached before the charge: if caching fails, the request fails uncharged, not charged and 500.
      if (request.cache && !request.cookies) deps.cache.put(accountId, cacheKey(request), result, request.cache_ttl);
      deps.billing.settle(billed, { kind: 'success', tier });
      return result;
    } finally {
      // Settled, the hold is gone already; a bug or a refused redirect gives it back uncharged.
      deps.billing.release(requestId);
    }
  }

  /** One async scrape: queued → processing → succeeded | failed, billed on the POST's request id. */
  async function runJob(job: StoredJob): Promise<void> {
    deps.jobs.markProcessing(job.id);
    try {
      const billed = { accountId: job.accountId, requestId: job.requestId, request: job.request };
      deps.jobs.succeed(job.id, fromCache(billed) ?? (await scrape(billed)));
    } catch (error) {
      if (!(error instanceof ApiFailure)) deps.log.error({ err: error, jobId: job.id }, 'job failed unexpectedly');
      deps.jobs.fail(job.id, envelopeOf(error instanceof ApiFailure ? error : internalError(), job.requestId));
    }
  }

  return {
    handle,
    /** Jobs a stopped server left queued, run again at start-up. */
    resumeJobs: () => runner.enqueue(...deps.jobs.unfinished()),
    /** Stops taking jobs; the running ones finish, the queued ones stay stored for the next start. */
    stopJobs: () => runner.close(),
  };
}

export type ScrapesService = ReturnType<typeof createScrapesService>;

/** Same page, same way of reading it: the same cached answer. */
function cacheKey(request: ScrapeRequestParsed): string {
  const identity = {
    url: request.url,
    mode: request.mode,
    formats: request.formats ? [...request.formats].sort() : null,
    max_tier: request.max_tier,
    wait_for: request.wait_for ?? null,
  };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

declare module 'fastify' {
  interface FastifyInstance {
    scrapes: ScrapesService;
  }
}

export default fp(
  async (app) => {
    const scrapes = createScrapesService({
      billing: app.billing,
      scraper: app.scraper,
      cache: app.scrapeCache,
      jobs: app.jobs,
      log: app.log,
    });
    app.decorate('scrapes', scrapes);
    app.addHook('onReady', async () => scrapes.resumeJobs());
    app.addHook('onClose', async () => scrapes.stopJobs());
  },
  { name: 'scrapes', dependencies: ['billing', 'scraper', 'scrape-cache-repository', 'jobs-repository'] },
);
