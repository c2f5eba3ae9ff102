import { useEffect, useReducer, useState } from 'react';
import type { ScrapeRequest, ScrapeResult } from '../../../contract/scrape';
import type { ApiError } from '../../api/api-error';
import type { FailureInput } from '../../errors/advise';
import { createRunController, type RunEvent } from './run-controller';

export type RunOutcome =
  | { ok: true; status: number; result: ScrapeResult }
  | { ok: false; status: number; code: string; requestId: string | null; refunded: boolean | null };

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
  | { phase: 'failed'; request: ScrapeRequest; failure: FailureInput; headers: Record<string, string> };

export const IDLE: RunState = { phase: 'idle' };

export function runReducer(_state: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case 'sent':
      return { phase: 'running', request: event.request, attempt: event.attempt };
    case 'job-accepted':
      return { phase: 'job', request: event.request, jobId: event.jobId };
    case 'retry-scheduled': {
      const { request, error, retryAt, attempt, reason } = event;
      return { phase: 'waiting', request, error, retryAt, attempt, reason };
    }
    case 'succeeded':
      return { phase: 'succeeded', request: event.request, result: event.result };
    case 'failed':
      return { phase: 'failed', request: event.request, failure: event.failure, headers: event.headers };
    case 'cancelled':
      return IDLE;
  }
}

/**
 * One scrape run at a time: sends the request, waits out a 429's reset or backs off on 5xx (3 tries in all), hands
 * a 202's job to the panel to poll, and reports each finished run once through `onSettled` (cancelled runs are not
 * reported). Unmounting cancels: the request in flight is aborted and every timer cleared.
 */
export function useScrapeRun(options: { onSettled: (request: ScrapeRequest, outcome: RunOutcome) => void }) {
  const [state, dispatch] = useReducer(runReducer, IDLE);
  // Created once, so the functions below are stable across renders; the latest onSettled is handed to it.
  const [controller] = useState(() => createRunController(dispatch));
  useEffect(() => controller.onSettled(options.onSettled), [controller, options.onSettled]);
  useEffect(() => () => controller.cancel(), [controller]);

  return {
    state,
    isRunning: state.phase === 'running' || state.phase === 'job' || state.phase === 'waiting',
    start: controller.start,
    cancel: controller.cancel,
    retryNow: controller.retryNow,
    /** The job view reports the job's terminal state (or a failed poll) here. */
    jobFinished: controller.jobFinished,
    jobPollFailed: controller.jobPollFailed,
  };
}

export type ScrapeRun = ReturnType<typeof useScrapeRun>;
