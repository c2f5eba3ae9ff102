import type { ErrorBilling } from '../../contract/envelope';

/**
 * A non-2xx answer of the API (or a network failure, status 0), with everything
 * the guidance needs: the envelope's code, message, request id, details and
 * billing, and the response headers (rate limit, Retry-After).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly billing: ErrorBilling | undefined;
  readonly retryAfter: number | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId?: string | undefined;
    details?: Record<string, unknown> | undefined;
    billing?: ErrorBilling | undefined;
    retryAfter?: number | undefined;
    headers?: Record<string, string>;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details;
    this.billing = init.billing;
    this.retryAfter = init.retryAfter;
    this.headers = init.headers ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
