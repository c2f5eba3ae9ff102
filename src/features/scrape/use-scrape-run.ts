import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isJobFinished, type Job, type ScrapeRequest, type ScrapeResult } from '../../../contract/scrape';
import { isApiError, type ApiError } from '../../api/api-error';
import { scrapeChangedAccount, scrapeMutations, type RunAnswer } from '../../api/scrape';
import { advise, adviseThrown, type Advice } from '../../errors/advise';
import { failureFromJob } from '../../errors/failure-input';
import { retryDecision } from '../../errors/retry-decision';
import { waitUntil } from '../../lib/wait-until';
import type { RunOutcome } from './run-history-store';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; request: ScrapeRequest; attempt: number }
  /** Polled by the panel's job view (useQuery), so polling stops as soon as nothing shows it. */
  | { phase: 'job'; request: ScrapeRequest; jobId: string }
  /** `attempt` is the try that will be sent at `retryAt` (ms since the epoch). */
  | {
      phase: 'waiting';
      request: ScrapeRequest;
      error: ApiError;
      retryAt: number;
      attempt: number;
      reason: 'rate-limit' | 'backoff';
    }
  | { phase: 'succeeded'; request: ScrapeRequest; result: ScrapeResult }
  /** Worked out once, when the run failed: the guidance card shows this advice as it is. */
  | { phase: 'failed'; request: ScrapeRequest; advice: Advice };

type Finished = Extract<RunState, { phase: 'succeeded' | 'failed' }>;

/** The run under way: what cancels it, what cuts its wait short, and the job it watches. */
interface LiveRun {
  request: ScrapeRequest;
  abort: AbortController;
  skip: AbortController | null;
  jobId: string | null;
}

const IDLE: RunState = { phase: 'idle' };

function outcomeOf(finished: Finished): RunOutcome {
  if (finished.phase === 'succeeded') return { ok: true, status: 200, result: finished.result };
  const { failure } = finished.advice;
  const { status, code } = failure;
  return { ok: false, status, code, requestId: failure.requestId ?? null, refunded: failure.billing?.refunded ?? null };
}

/**
 * One scrape run at a time. Each try is the POST /scrape mutation; after a failed try retryDecision says whether
 * to wait (for a 429's reset, or out a 5xx's back-off) and send again, 3 tries in all. A 202's job is handed to
 * the panel to poll. Each finished run is reported once through `onSettled`; a cancelled one never is, and an
 * answer that arrives after a cancel (or a newer start) is ignored. Unmounting cancels: the request in flight is
 * aborted and the wait's timer cleared.
 */
export function useScrapeRun(options: { onSettled: (request: ScrapeRequest, outcome: RunOutcome) => void }) {
  const queryClient = useQueryClient();
  const { mutateAsync: send } = useMutation(scrapeMutations.run(queryClient));
  const [state, setState] = useState<RunState>(IDLE);
  const live = useRef<LiveRun | null>(null);
  const onSettled = useRef(options.onSettled);
  useEffect(() => {
    onSettled.current = options.onSettled;
  }, [options.onSettled]);

  const stop = useCallback(() => {
    live.current?.abort.abort();
    live.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const finish = useCallback((run: LiveRun, finished: Finished) => {
    if (live.current !== run) return;
    live.current = null;
    setState(finished);
    onSettled.current(run.request, outcomeOf(finished));
  }, []);

  const tryUntilDone = useCallback(
    async (run: LiveRun) => {
      const { request } = run;
      let attempt = 1;
      for (;;) {
        setState({ phase: 'running', request, attempt });
        let answer: RunAnswer;
        try {
          answer = await send({ body: request, signal: run.abort.signal });
        } catch (error) {
          if (live.current !== run) return;
          const now = new Date();
          const decision = retryDecision(error, attempt, now);
          if (decision.kind === 'give-up' || !isApiError(error)) {
            return finish(run, { phase: 'failed', request, advice: adviseThrown(error, now) });
          }
          const { retryAt, nextAttempt, reason } = decision;
          setState({ phase: 'waiting', request, error, retryAt, attempt: nextAttempt, reason });
          run.skip = new AbortController();
          try {
            await waitUntil(retryAt, { signal: run.abort.signal, skip: run.skip.signal });
          } catch {
            return; // cancelled while waiting
          }
          attempt = nextAttempt;
          continue;
        }
        if (live.current !== run) return;
        if (answer.kind === 'result') return finish(run, { phase: 'succeeded', request, result: answer.result });
        run.jobId = answer.jobId;
        setState({ phase: 'job', request, jobId: answer.jobId });
        return;
      }
    },
    [send, finish],
  );

  const start = useCallback(
    (request: ScrapeRequest) => {
      stop();
      const run: LiveRun = { request, abort: new AbortController(), skip: null, jobId: null };
      live.current = run;
      void tryUntilDone(run);
    },
    [stop, tryUntilDone],
  );

  const cancel = useCallback(() => {
    stop();
    setState(IDLE);
  }, [stop]);

  const retryNow = useCallback(() => live.current?.skip?.abort(), []);

  /** The job view reports each answer of its polls here; only a finished job of the live run counts. */
  const jobFinished = useCallback(
    (jobId: string, job: Job) => {
      const run = live.current;
      if (run?.jobId !== jobId || !isJobFinished(job.status)) return;
      scrapeChangedAccount(queryClient);
      const { request } = run;
      if (job.status === 'succeeded' && job.result)
        return finish(run, { phase: 'succeeded', request, result: job.result });
      finish(run, { phase: 'failed', request, advice: advise(failureFromJob(job), {}, new Date()) });
    },
    [finish, queryClient],
  );

  const jobPollFailed = useCallback(
    (jobId: string, error: unknown) => {
      const run = live.current;
      if (run?.jobId !== jobId) return;
      finish(run, { phase: 'failed', request: run.request, advice: adviseThrown(error, new Date()) });
    },
    [finish],
  );

  return {
    state,
    isRunning: state.phase === 'running' || state.phase === 'job' || state.phase === 'waiting',
    start,
    cancel,
    retryNow,
    jobFinished,
    jobPollFailed,
  };
}

export type ScrapeRun = ReturnType<typeof useScrapeRun>;
