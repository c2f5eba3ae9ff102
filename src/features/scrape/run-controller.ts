import type { Job, ScrapeRequest, ScrapeResult } from '../../../contract/scrape';
import type { ApiError } from '../../api/api-error';
import { runScrape } from '../../api/endpoints/scrape';
import { failureFromApiError, type FailureInput } from '../../errors/advise';
import { jobFailure, nextStep, toApiError } from './retry-policy';
import type { RunOutcome } from './use-scrape-run';

export type RunEvent =
  | { type: 'sent'; request: ScrapeRequest; attempt: number }
  | { type: 'job-accepted'; request: ScrapeRequest; jobId: string }
  | {
      type: 'retry-scheduled';
      request: ScrapeRequest;
      error: ApiError;
      retryAt: number;
      attempt: number;
      reason: 'rate-limit' | 'backoff';
    }
  | { type: 'succeeded'; request: ScrapeRequest; result: ScrapeResult }
  | { type: 'failed'; request: ScrapeRequest; failure: FailureInput; headers: Record<string, string> }
  | { type: 'cancelled' };

export interface RunController {
  start: (request: ScrapeRequest) => void;
  cancel: () => void;
  retryNow: () => void;
  jobFinished: (jobId: string, job: Job) => void;
  jobPollFailed: (jobId: string, error: unknown) => void;
  /** Who hears of finished runs; returns the unsubscribe. */
  onSettled: (listener: SettleListener) => () => void;
}

export type SettleListener = (request: ScrapeRequest, outcome: RunOutcome) => void;

/**
 * The side effects of a run, outside React so they are plain to follow: one AbortController for the request in
 * flight, one timer for a scheduled retry, and a run id that every callback checks, so an answer that arrives
 * after a cancel (or a newer start) is ignored.
 */
export function createRunController(dispatch: (event: RunEvent) => void): RunController {
  let listener: SettleListener | null = null;
  const settle: SettleListener = (request, outcome) => listener?.(request, outcome);
  let runId = 0;
  let inFlight: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let scheduled: { request: ScrapeRequest; attempt: number } | null = null;
  let job: { request: ScrapeRequest; jobId: string } | null = null;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    scheduled = null;
  };

  const stop = () => {
    runId += 1;
    inFlight?.abort();
    inFlight = null;
    clearTimer();
    job = null;
  };

  const succeed = (request: ScrapeRequest, result: ScrapeResult) => {
    dispatch({ type: 'succeeded', request, result });
    settle(request, { ok: true, status: 200, result });
  };

  const fail = (request: ScrapeRequest, failure: FailureInput, headers: Record<string, string>) => {
    dispatch({ type: 'failed', request, failure, headers });
    const { status, code } = failure;
    settle(request, {
      ok: false,
      status,
      code,
      requestId: failure.requestId ?? null,
      refunded: failure.billing?.refunded ?? null,
    });
  };

  const send = (request: ScrapeRequest, attempt: number) => {
    const id = runId;
    const abort = new AbortController();
    inFlight = abort;
    clearTimer();
    dispatch({ type: 'sent', request, attempt });
    runScrape(request, abort.signal).then(
      (answer) => {
        if (id !== runId) return;
        inFlight = null;
        if (answer.kind === 'result') return succeed(request, answer.result);
        job = { request, jobId: answer.job.job_id };
        dispatch({ type: 'job-accepted', request, jobId: answer.job.job_id });
      },
      (thrown: unknown) => {
        if (id !== runId || abort.signal.aborted) return;
        inFlight = null;
        const error = toApiError(thrown);
        const step = nextStep(error, attempt, new Date());
        if (step.kind === 'fail') return fail(request, failureFromApiError(error), { ...error.headers });
        const { retryAt, nextAttempt, reason } = step;
        dispatch({ type: 'retry-scheduled', request, error, retryAt, attempt: nextAttempt, reason });
        scheduled = { request, attempt: nextAttempt };
        timer = setTimeout(() => send(request, nextAttempt), Math.max(0, retryAt - Date.now()));
      },
    );
  };

  return {
    start: (request) => {
      stop();
      send(request, 1);
    },
    cancel: () => {
      stop();
      dispatch({ type: 'cancelled' });
    },
    retryNow: () => {
      if (scheduled) send(scheduled.request, scheduled.attempt);
    },
    jobFinished: (jobId, finished) => {
      if (job?.jobId !== jobId || (finished.status !== 'succeeded' && finished.status !== 'failed')) return;
      const { request } = job;
      job = null;
      if (finished.status === 'succeeded' && finished.result) return succeed(request, finished.result);
      fail(request, jobFailure(finished), {});
    },
    onSettled: (next) => {
      listener = next;
      return () => {
        if (listener === next) listener = null;
      };
    },
    jobPollFailed: (jobId, thrown) => {
      if (job?.jobId !== jobId) return;
      const { request } = job;
      job = null;
      const error = toApiError(thrown);
      fail(request, failureFromApiError(error), { ...error.headers });
    },
  };
}
