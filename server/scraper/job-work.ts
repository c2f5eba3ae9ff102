import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { AccountsRepository } from '../repositories/accounts-repository';
import type { JobsRepository, StoredJob } from '../repositories/jobs-repository';
import type { RequestLogRepository } from '../repositories/request-log-repository';
import { ApiFailure, envelopeOf } from '../errors';
import type { ScrapeService } from './scrape-service';

interface JobWorkDeps {
  jobs: JobsRepository;
  scrapes: ScrapeService;
  accounts: AccountsRepository;
  requestLog: RequestLogRepository;
  clock: Clock;
  log: FastifyBaseLogger;
}

/** One async scrape: queued → processing → succeeded | failed, its billing on the POST's log entry. */
export function createJobWork(deps: JobWorkDeps) {
  return async function work(job: StoredJob): Promise<void> {
    deps.jobs.markProcessing(job.id);
    try {
      const account = deps.accounts.findById(job.accountId);
      if (!account) {
        deps.scrapes.releaseHold(job.requestId);
        throw new Error(`job ${job.id}: account ${job.accountId} is gone`);
      }
      const estimate = deps.scrapes.estimate(job.request);
      const hit = deps.scrapes.fromCache(account, job.requestId, job.request);
      // A hit is free: the credits held when the job was accepted go back untouched.
      if (hit) deps.scrapes.releaseHold(job.requestId);
      const outcome = hit ?? (await deps.scrapes.execute(account, job.requestId, job.request, null, estimate));
      deps.requestLog.recordSettlement({
        requestId: job.requestId,
        accountId: job.accountId,
        at: deps.clock.now(),
        charged: outcome.log.creditsCharged,
        refunded: outcome.log.creditsRefunded,
        tier: outcome.log.tier,
        code: outcome.log.code,
      });
      if (outcome.ok) deps.jobs.succeed(job.id, outcome.result);
      else deps.jobs.fail(job.id, envelopeOf(outcome.failure, job.requestId));
    } catch (error) {
      if (error instanceof ApiFailure) return deps.jobs.fail(job.id, envelopeOf(error, job.requestId));
      deps.log.error({ err: error, jobId: job.id }, 'job failed unexpectedly');
      deps.jobs.fail(job.id, {
        error: 'INTERNAL_ERROR',
        message: 'An unexpected error occurred on our side',
        detail: 'An unexpected error occurred on our side',
        request_id: job.requestId,
      });
    }
  };
}
