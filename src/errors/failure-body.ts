import { errorEnvelopeSchema } from '../../contract/envelope';
import type { Job } from '../../contract/scrape';
import { statusOfCode } from './code-facts';
import { UNKNOWN_CODE, type FailureInput } from './failure-input';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Without a status, a known code implies the contract's status for it; an unknown one leaves it unknown (0). A body
 * that names a stored session (`details.session_id`) is about that session, which tells a code the contract lists
 * under two statuses (SESSION_EXPIRED: the dashboard login, or a stored session) which of its rows is meant.
 */
function statusFor(code: string, status: number | undefined, details?: Record<string, unknown>): number {
  if (status !== undefined) return status;
  return statusOfCode(code, typeof details?.session_id === 'string' ? 'session' : undefined) ?? 0;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Hand-copied bodies often lose `message`, and some official clients keep only `code` (the envelope's copy of
 * `error`): the code alone is still worth decoding.
 */
function withCode(value: Record<string, unknown>): Record<string, unknown> {
  const error = text(value.error) ?? text(value.code);
  if (error === undefined) return value;
  return { ...value, error, message: 'message' in value ? value.message : '' };
}

function fromEnvelope(value: unknown, status: number | undefined): FailureInput | null {
  const candidate = isRecord(value) ? withCode(value) : value;
  const parsed = errorEnvelopeSchema.safeParse(candidate);
  if (!parsed.success) return null;
  const envelope = parsed.data;
  return {
    status: statusFor(envelope.error, status, envelope.details),
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
