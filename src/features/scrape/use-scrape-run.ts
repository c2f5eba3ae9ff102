import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isJobFinished, type Job, type ScrapeRequest, type ScrapeResult } from '../../../contract/scrape';
import { isApiError, type ApiError } from '../../api/api-error';
import { scrapeChangedAccount, scrapeMutations, type RunAnswer } from '../../api/scrape';
import { advise, adviseThrown, type Advice } from '../../errors/advise';
import { failureFromJob } from '../../errors/failure-body';
import { retryDecision } from '../../errors/retry-decision';
import { waitUntil } from '../../lib/wait-until';
import type { RunOutcome } from './run-history-store';
import { runEnded, runStarted, storedRun, type StoredRun } from './run-resume';

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
  /** Worked out once, when the run failed: the guidance card shows this advice as it is. `attempts`: tries sent. */
  | { phase: 'failed'; request: ScrapeRequest; advice: Advice; attempts: number }
  /** A sync run the page was left (or reloaded) during: its answer never reached this page. */
  | { phase: 'cut-off'; request: ScrapeRequest; startedAt: number };

type Finished = Extract<RunState, { phase: 'succeeded' | 'failed' }>;

/** The run under way: what cancels it, what cuts its wait short, and the job it watches. */
interface LiveRun {
  request: ScrapeRequest;
  abort: AbortController;
  skip: AbortController | null;
  jobId: string | null;
}

const IDLE: RunState = { phase: 'idle' };

/** Where a page opened again picks up: the job it was watching, or the sync run it lost. */
function resumedState(stored: StoredRun | null): RunState {
  if (stored?.kind === 'job' && stored.jobId) return { phase: 'job', request: stored.request, jobId: stored.jobId };
  if (stored?.kind === 'sync') return { phase: 'cut-off', request: stored.request, startedAt: stored.startedAt };
  return IDLE;
}

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
 * aborted and the wait's timer cleared. The run in flight is kept in the tab (run-resume.ts): opened again, the page
 * goes on watching an accepted job, and says so when a sync run's answer was lost.
 */
export function useScrapeRun(options: { onSettled: (request: ScrapeRequest, outcome: RunOutcome) => void }) {
  const queryClient = useQueryClient();
  const { mutateAsync: send } = useMutation(scrapeMutations.run(queryClient));
  const [stored] = useState(storedRun);
  const [state, setState] = useState<RunState>(() => resumedState(stored));
  /** Counts the runs the user started, so the panel brings each one into view once. */
  const [started, setStarted] = useState(0);
  const live = useRef<LiveRun | null>(null);
  const onSettled = useRef(options.onSettled);
  useEffect(() => {
    onSettled.current = options.onSettled;
  }, [options.onSettled]);

  const stop = useCallback(() => {
    live.current?.abort.abort();
    live.current = null;
  }, []);
  useEffect(() => {
    if (stored?.kind === 'job' && stored.jobId) {
      live.current = { request: stored.request, abort: new AbortController(), skip: null, jobId: stored.jobId };
    } else if (stored?.kind === 'sync') {
      runEnded(); // said once: a second reload has nothing new to say about it
    }
    // Leaving the page stops watching; a job stays stored, so coming back resumes it.
    return stop;
  }, [stop, stored]);

  const finish = useCallback((run: LiveRun, finished: Finished) => {
    if (live.current !== run) return;
    live.current = null;
    runEnded();
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
            return finish(run, { phase: 'failed', request, advice: adviseThrown(error, now), attempts: attempt });
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
        runStarted({ kind: 'job', jobId: answer.jobId, request, startedAt: Date.now() });
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
      runStarted({ kind: 'sync', request, startedAt: Date.now() });
      setStarted((count) => count + 1);
      void tryUntilDone(run);
    },
    [stop, tryUntilDone],
  );

  const cancel = useCallback(() => {
    stop();
    runEnded();
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
      const advice = advise(failureFromJob(job), {}, new Date());
      finish(run, { phase: 'failed', request, advice, attempts: 1 });
    },
    [finish, queryClient],
  );

  const jobPollFailed = useCallback(
    (jobId: string, error: unknown) => {
      const run = live.current;
      if (run?.jobId !== jobId) return;
      finish(run, { phase: 'failed', request: run.request, advice: adviseThrown(error, new Date()), attempts: 1 });
    },
    [finish],
  );

  return {
    state,
    started,
    isRunning: state.phase === 'running' || state.phase === 'job' || state.phase === 'waiting',
    start,
    cancel,
    retryNow,
    jobFinished,
    jobPollFailed,
  };
}

export type ScrapeRun = ReturnType<typeof useScrapeRun>;
