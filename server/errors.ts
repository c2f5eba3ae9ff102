import type { ErrorBilling } from '../contract/envelope';

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
