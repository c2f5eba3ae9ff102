import { errorEnvelopeSchema } from '../../contract/envelope';
import type { ErrorBilling } from '../../contract/envelope';
import type { Job } from '../../contract/scrape';
import { isApiError, type ApiError } from '../api/api-error';
import { statusOfCode } from './code-facts';

/** One failure as the guidance needs it, whether it came from the client or was pasted by support staff. */
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Without a status, a known code implies the seed's status for it; an unknown one leaves it unknown (0). */
function statusFor(code: string, status: number | undefined): number {
  return status ?? statusOfCode(code) ?? 0;
}

function fromEnvelope(value: unknown, status: number | undefined): FailureInput | null {
  // Hand-copied bodies often lose `message`; the code alone is still worth decoding.
  const candidate =
    isRecord(value) && typeof value.error === 'string' && !('message' in value) ? { ...value, message: '' } : value;
  const parsed = errorEnvelopeSchema.safeParse(candidate);
  if (!parsed.success) return null;
  const envelope = parsed.data;
  return {
    status: statusFor(envelope.error, status),
    code: envelope.error,
    message: envelope.message || (typeof envelope.detail === 'string' ? envelope.detail : undefined),
    requestId: envelope.request_id,
    details: envelope.details,
    billing: envelope.billing,
    retryAfter: envelope.retry_after,
  };
}

/** FastAPI-style bodies: `{detail: "text"}`, `{detail: [{loc, msg}]}` (validation) or `{detail: {envelope}}`. */
function fromDetail(detail: unknown, status: number | undefined): FailureInput | null {
  if (typeof detail === 'string' && detail.trim() !== '') {
    const code = /^[A-Z][A-Z0-9_]+$/.test(detail.trim()) ? detail.trim() : UNKNOWN_CODE;
    return { status: statusFor(code, status), code, message: detail };
  }
  if (Array.isArray(detail) && detail.length > 0 && detail.every(isRecord)) {
    const issues = detail.map((issue) => ({
      field: Array.isArray(issue.loc) ? issue.loc.filter((part) => part !== 'body').join('.') : '',
      message: typeof issue.msg === 'string' ? issue.msg : '',
    }));
    // A framework's field validation is what our contract calls INVALID_REQUEST, whatever status it used.
    const message = issues
      .map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message))
      .join('; ');
    return { status: status ?? 422, code: 'INVALID_REQUEST', message, details: { issues } };
  }
  return isRecord(detail) ? fromEnvelope(detail, status) : null;
}

/**
 * Reads a pasted error body (an object, or its JSON text): the standard envelope, a job whose `failure` (or,
 * before it, `error`) is one, or a FastAPI-style `{detail}`. Anything else gives null, so the decoder can say it
 * is not an error body.
 */
export function parseFailureBody(json: unknown, status?: number): FailureInput | null {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  if (!isRecord(value)) return null;
  if (isRecord(value.failure)) return fromEnvelope(value.failure, status);
  if (isRecord(value.error)) return fromEnvelope(value.error, status);
  return fromEnvelope(value, status) ?? ('detail' in value ? fromDetail(value.detail, status) : null);
}

/**
 * A failed job's `failure` envelope; its status comes from the code via the catalog. A server that sends only
 * the readable `error` (the public API may) still gets its text shown.
 */
export function failureFromJob(job: Job): FailureInput {
  const failure = job.failure ? parseFailureBody(job.failure) : null;
  if (failure) return failure;
  if (job.error) return { status: 0, code: UNKNOWN_CODE, message: job.error };
  return {
    status: 0,
    code: UNKNOWN_CODE,
    message: `Job ${job.job_id} ended as "${job.status}" with neither a result nor an error.`,
  };
}
