import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import type { ErrorEnvelope } from '../../contract/envelope';
import type { Estimate, jobAcceptedSchema, ScrapeRequestParsed, ScrapeResult } from '../../contract/scrape';
import { exceedsCostLimit, type Billed, type Billing } from '../billing/billing-service';
import { ApiFailure, envelopeOf, fail, internalError } from '../errors';
import type { Account } from '../repositories/accounts-repository';
import type { RequestDetailFacts } from '../repositories/request-log-repository';
import type { JobsRepository, StoredJob } from '../repositories/jobs-repository';
import type { ScrapeCacheRepository } from '../repositories/scrape-cache-repository';
import type { ScreenshotsRepository } from '../repositories/screenshots-repository';
import { faultFailure, type Fault } from '../sandbox/faults';
import { runScrape, type EngineDeps } from '../scraper/scrape-engine';
import { sessionsForScrapes, type SessionsForScrapes } from '../sessions/session-for-scrape';
import { createJobRunner } from './job-runner';
import { maskedParameters } from './scrape-parameters';
import { cacheHitOf, cacheKey, resultOf } from './scrape-result';

/** Async jobs run at once: bounded for a 2-core machine. */
const JOB_WORKERS = 3;

interface ScrapesDeps {
  billing: Billing;
  scraper: EngineDeps;
  cache: ScrapeCacheRepository;
  jobs: JobsRepository;
  screenshots: ScreenshotsRepository;
  sessions: SessionsForScrapes;
  log: FastifyBaseLogger;
  /** Runs `work` in one database transaction. */
  atomically: <T>(work: () => T) => T;
}

export interface ScrapeCall {
  account: Account;
  requestId: string;
  request: ScrapeRequestParsed;
  /** An armed sandbox fault: it answers this call, charged and refunded as its code says, whatever else applies. */
  fault: Fault | null;
}

/** A request as billing sees it, and when it began (performance.now()), for the result's response_time_ms. */
type Run = Billed & { startedAt: number };

export type ScrapeAnswer =
  | { ok: true; status: 200; body: ScrapeResult }
  | { ok: true; status: 202; body: z.infer<typeof jobAcceptedSchema> }
  | { ok: false; failure: ApiFailure };

/** An async job's end: its ids, and its result or its error envelope. */
export type JobEnded =
  | { job: StoredJob; status: 'succeeded'; result: ScrapeResult }
  | { job: StoredJob; status: 'failed'; error: ErrorEnvelope };

/** What the request log records of a scrape beyond the HTTP call; its cost is the settlement's. */
export interface ScrapeLogFacts {
  url: string;
  /** The stored session the request asked for, whether or not it could be used. */
  sessionId: string | null;
  /** For GET /requests/{id}: the masked parameters, the estimate, the tiers tried (a job's come with its result). */
  detail?: ScrapeDetailFacts;
}
type ScrapeDetailFacts = Pick<RequestDetailFacts, 'parameters' | 'estimatedCredits' | 'escalations'>;

/**
 * POST /scrape from request to ledger, sync or async: the checks that cost nothing, the fault, the cache, the
 * hold, the tiers, then one settlement. A job runs the same scrape later, through `runJob`.
 */
export function createScrapesService(deps: ScrapesDeps) {
  const runner = createJobRunner({ concurrency: JOB_WORKERS, run: runJob });
  const jobEndedListeners: ((ended: JobEnded) => void)[] = [];

  async function handle(call: ScrapeCall): Promise<{ answer: ScrapeAnswer; log: ScrapeLogFacts }> {
    const detail: ScrapeDetailFacts = { parameters: maskedParameters(call.request), estimatedCredits: null };
    const log = { url: call.request.url, sessionId: call.request.session_id ?? null, detail };
    try {
      const answered = await answer(call, performance.now(), detail);
      if (answered.ok && answered.status === 200) detail.escalations = answered.body.billing.escalations;
      return { answer: answered, log };
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      detail.escalations = escalationsOf(error);
      return { answer: { ok: false, failure: error }, log };
    }
  }

  async function answer(
    { account, requestId, request, fault }: ScrapeCall,
    startedAt: number,
    detail: ScrapeDetailFacts,
  ): Promise<ScrapeAnswer> {
    const quoted = await precheck(account, request);
    detail.estimatedCredits = quoted.estimated_credits;
    const billed = { accountId: account.id, requestId, request, startedAt };
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
    deps.sessions.check(account.id, request);
    await deps.scraper.guard.check(request.url);
    if (account.subscriptionStatus !== 'active') {
      throw fail('SUBSCRIPTION_INACTIVE', 'Your subscription has been cancelled or its payment failed');
    }
    return deps.billing.quote(account.id, request);
  }

  /** A cache hit is free and says so; requests with cookies or a session are personal and never cached. */
  function fromCache(billed: Run): ScrapeResult | null {
    const { accountId, requestId, request } = billed;
    if (!request.cache || request.force_refresh || isPersonal(request)) return null;
    const hit = deps.cache.get(accountId, cacheKey(request));
    if (!hit) return null;
    deps.billing.settle(billed, { kind: 'cache-hit', tier: hit.result.billing.tier_used });
    return cacheHitOf(hit, request, requestId, billed.startedAt);
  }

  /** The tiers, then the settlement; a failure is thrown with its billing. */
  async function scrape(billed: Run): Promise<ScrapeResult> {
    const { accountId, requestId, request } = billed;
    try {
      const sent = deps.sessions.credentials(accountId, request);
      const outcome = await runScrape(request, sent.cookies, deps.scraper, sent.session);
      if (outcome.kind !== 'over-budget') deps.sessions.used(accountId, request, outcome.kind === 'success');
      if (outcome.kind === 'over-budget') {
        deps.billing.settle(billed, { kind: 'failure', code: 'EXCEEDS_COST_LIMIT', tier: null });
        throw exceedsCostLimit(request, outcome.nextTier);
      }
      if (outcome.kind === 'failure') {
        const { code, message } = outcome.failure;
        const billing = deps.billing.settle(billed, { kind: 'failure', code, tier: outcome.highestTier });
        const required = outcome.refusedTier ? { required_tier: outcome.refusedTier } : {};
        throw fail(code, message, {
          billing,
          details: { escalations: outcome.escalations, ...required },
          target: { url: request.url, tier: outcome.highestTier },
        });
      }
      const png = request.screenshot ? outcome.page.screenshot : undefined;
      const screenshotId = png ? deps.screenshots.save(accountId, requestId, png) : null;
      const result = resultOf(outcome, request, { requestId, startedAt: billed.startedAt, screenshotId });
      // Cached before the charge: if caching fails, the request fails uncharged, not charged and 500.
      if (request.cache && !isPersonal(request))
        deps.cache.put(accountId, cacheKey(request), result, request.cache_ttl);
      deps.billing.settle(billed, { kind: 'success', tier: outcome.tier });
      return result;
    } finally {
      // Settled, the hold is gone already; a bug or a refused redirect gives it back uncharged.
      deps.billing.release(requestId);
    }
  }

  /** One async scrape: queued → processing → succeeded | failed, billed on the POST's request id. */
  async function runJob(job: StoredJob): Promise<void> {
    deps.jobs.markProcessing(job.id);
    let ended: JobEnded;
    try {
      const billed = {
        accountId: job.accountId,
        requestId: job.requestId,
        request: job.request,
        startedAt: performance.now(),
      };
      const result = fromCache(billed) ?? (await scrape(billed));
      ended = { job, status: 'succeeded', result };
    } catch (error) {
      if (!(error instanceof ApiFailure)) deps.log.error({ err: error, jobId: job.id }, 'job failed unexpectedly');
      const envelope = envelopeOf(error instanceof ApiFailure ? error : internalError(), job.requestId);
      ended = { job, status: 'failed', error: envelope };
    }
    // The job's end and what its listeners write (its webhook deliveries) commit together: a crash between the two
    // left a finished job that never told its webhooks (the ledger-under-faults test caught one).
    deps.atomically(() => {
      if (ended.status === 'succeeded') deps.jobs.succeed(job.id, ended.result);
      else deps.jobs.fail(job.id, ended.error);
      // After the job is stored as ended, so a listener that reads it back sees its end; a listener's failure is its
      // own, and does not undo the end.
      for (const listener of jobEndedListeners) {
        try {
          listener(ended);
        } catch (error) {
          deps.log.error({ err: error, jobId: job.id }, 'job-ended listener failed');
        }
      }
    });
  }

  return {
    handle,
    /** Jobs a stopped server left queued, run again at start-up. */
    resumeJobs: () => runner.enqueue(...deps.jobs.unfinished()),
    /** Told of every async job once it has ended (webhooks fire job.completed / job.failed from it). */
    onJobEnded: (listener: (ended: JobEnded) => void) => void jobEndedListeners.push(listener),
    /** Stops taking jobs; the running ones finish, the queued ones stay stored for the next start. */
    stopJobs: () => runner.close(),
  };
}

export type ScrapesService = ReturnType<typeof createScrapesService>;

const escalationsOf = (failure: ApiFailure) => {
  const escalations = failure.extra.details?.escalations;
  return Array.isArray(escalations) ? escalations : null;
};

const isPersonal = (request: ScrapeRequestParsed) => Boolean(request.cookies || request.session_id);

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
      screenshots: app.screenshots,
      sessions: sessionsForScrapes(app.sessions, app.clock),
      log: app.log,
      atomically: (work) => app.db.transaction(work)(),
    });
    app.decorate('scrapes', scrapes);
    app.addHook('onReady', async () => scrapes.resumeJobs());
    app.addHook('onClose', async () => scrapes.stopJobs());
  },
  {
    name: 'scrapes',
    dependencies: [
      'billing',
      'scraper',
      'scrape-cache-repository',
      'jobs-repository',
      'screenshots-repository',
      'sessions',
    ],
  },
);
