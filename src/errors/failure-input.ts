import type { ErrorBilling } from '../../contract/envelope';
import { isApiError, type ApiError } from '../api/api-error';

/**
 * One failure as the guidance needs it, whether it came from the client or was pasted by support staff (read by
 * failure-body.ts, which holds the envelope's schema: this module is in the first load, which carries no zod).
 */
export interface FailureInput {
  /** 0: no HTTP status is known (our client's "could not reach the API", or a pasted body without one). */
  status: number;
  code: string;
  message?: string;
  requestId?: string;
  details?: Record<string, unknown>;
  billing?: ErrorBilling;
  /** The body's retry_after, in seconds; some official clients read it instead of the header. */
  retryAfter?: number;
}

/** The code the seed's sample client falls back to when a body names none. */
export const UNKNOWN_CODE = 'UNKNOWN';

export function failureFromApiError(error: ApiError): FailureInput {
  return {
    status: error.status,
    code: error.code,
    message: error.message,
    requestId: error.requestId,
    details: error.details,
    billing: error.billing,
    retryAfter: error.retryAfter,
  };
}

/** Anything thrown while calling the API; the client only throws something other than an ApiError for a bug. */
export function failureFromThrown(error: unknown): FailureInput {
  if (isApiError(error)) return failureFromApiError(error);
  return { status: 0, code: UNKNOWN_CODE, message: error instanceof Error ? error.message : String(error) };
}
