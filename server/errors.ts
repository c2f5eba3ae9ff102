import type { ErrorBilling, ErrorEnvelope } from '../contract/envelope';

/**
 * A failure a handler means to answer: the status and code of the seed, and
 * the envelope's extras. The one error handler turns it into the envelope.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: {
      details?: Record<string, unknown>;
      billing?: ErrorBilling;
      retryAfter?: number;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export const notFound = (what = 'Resource') => new ApiFailure(404, 'NOT_FOUND', `${what} not found`);

/** The seed's envelope for a failure; `detail` repeats the message for the official SDKs. */
export function envelopeOf(failure: ApiFailure, requestId: string): ErrorEnvelope {
  return {
    error: failure.code,
    message: failure.message,
    detail: failure.message,
    request_id: requestId,
    ...(failure.extra.details && { details: failure.extra.details }),
    ...(failure.extra.billing && { billing: failure.extra.billing }),
    ...(failure.extra.retryAfter !== undefined && { retry_after: failure.extra.retryAfter }),
  };
}
