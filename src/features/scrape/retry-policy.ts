import type { ErrorEnvelope } from '../../../contract/envelope';
import type { Job } from '../../../contract/scrape';
import { ApiError, isApiError } from '../../api/api-error';
import { advise, failureFromApiError, parseFailureBody, UNKNOWN_CODE, type FailureInput } from '../../errors/advise';

/** The seed's sample client: 3 tries in all, whatever made them fail. */
export const MAX_TRIES = 3;
/** Never resend sooner than this, even when a reset time has already passed (clock skew), so a 429 cannot loop. */
const MIN_WAIT_MS = 1000;

export type NextStep =
  { kind: 'wait'; reason: 'rate-limit' | 'backoff'; retryAt: number; nextAttempt: number } | { kind: 'fail' };

/**
 * What to do after try `attempt` (1-based) failed with `error`, per the seed via `advise`: a 429 waits for the
 * reset, 5xx (and an unreachable API) back off 1 s, 2 s, 4 s…; everything else, and 403/422 ('maybe', offered as a
 * fix instead), fails at once. Pure: `now` is passed in.
 */
export function nextStep(error: ApiError, attempt: number, now: Date): NextStep {
  const { retry } = advise(failureFromApiError(error), error.headers, now);
  if (!retry.automatic || attempt >= Math.min(retry.maxAttempts, MAX_TRIES)) return { kind: 'fail' };
  const nextAttempt = attempt + 1;
  if (retry.rule === 'after-reset') {
    const safeAt = retry.safeAt?.getTime() ?? now.getTime();
    return { kind: 'wait', reason: 'rate-limit', retryAt: Math.max(safeAt, now.getTime() + MIN_WAIT_MS), nextAttempt };
  }
  // A Retry-After on a 5xx says when the server expects to be back, which beats the schedule.
  const scheduled = now.getTime() + (retry.backoffSeconds[attempt - 1] ?? 2 ** (attempt - 1)) * 1000;
  const retryAt = retry.basis === 'retry-after' && retry.safeAt ? retry.safeAt.getTime() : scheduled;
  return { kind: 'wait', reason: 'backoff', retryAt: Math.max(retryAt, now.getTime() + MIN_WAIT_MS), nextAttempt };
}

/** Anything thrown by the client as an ApiError; the client only throws other things for bugs. */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return new ApiError({
    status: 0,
    code: UNKNOWN_CODE,
    message: error instanceof Error ? error.message : String(error),
  });
}

/** A finished job's `error` envelope as the guidance needs it; its status comes from the code via the catalog. */
export function jobFailure(job: Job): FailureInput {
  const envelope: ErrorEnvelope | null = job.error;
  return (
    (envelope && parseFailureBody(envelope)) ?? {
      status: 0,
      code: UNKNOWN_CODE,
      message: `Job ${job.job_id} ended as "${job.status}" with neither a result nor an error.`,
    }
  );
}
