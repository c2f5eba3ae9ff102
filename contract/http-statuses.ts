import type { ErrorCategory, RefundPolicy, RetryRule } from './error-codes';

interface StatusFacts {
  status: number;
  text: string;
  category: ErrorCategory;
  retry: RetryRule;
  refund: RefundPolicy;
}

/**
 * The seed's table of HTTP statuses with its "Retry?" column, and what the refund policy says of each status
 * alone: 401 and 402 mean both refunded scraping failures and refusals, so the status cannot tell.
 */
export const HTTP_STATUSES = [
  { status: 200, text: 'OK', category: 'success', retry: 'not-applicable', refund: 'not-applicable' },
  { status: 202, text: 'Accepted', category: 'success', retry: 'not-applicable', refund: 'not-applicable' },
  { status: 204, text: 'No Content', category: 'success', retry: 'not-applicable', refund: 'not-applicable' },
  { status: 400, text: 'Bad Request', category: 'request', retry: 'never', refund: 'not-refunded' },
  { status: 401, text: 'Unauthorized', category: 'auth', retry: 'never', refund: 'not-applicable' },
  { status: 402, text: 'Payment Required', category: 'billing', retry: 'never', refund: 'not-applicable' },
  { status: 403, text: 'Forbidden', category: 'scraping', retry: 'maybe', refund: 'refunded' },
  { status: 404, text: 'Not Found', category: 'request', retry: 'never', refund: 'not-applicable' },
  { status: 409, text: 'Conflict', category: 'request', retry: 'never', refund: 'not-applicable' },
  { status: 413, text: 'Payload Too Large', category: 'scraping', retry: 'never', refund: 'refunded' },
  { status: 415, text: 'Unsupported Media', category: 'scraping', retry: 'never', refund: 'refunded' },
  { status: 422, text: 'Unprocessable', category: 'scraping', retry: 'maybe', refund: 'refunded' },
  { status: 429, text: 'Too Many Requests', category: 'rate-limit', retry: 'after-reset', refund: 'not-refunded' },
  { status: 500, text: 'Internal Error', category: 'server', retry: 'backoff', refund: 'refunded' },
  { status: 502, text: 'Bad Gateway', category: 'server', retry: 'backoff', refund: 'refunded' },
  { status: 503, text: 'Service Unavailable', category: 'server', retry: 'backoff', refund: 'refunded' },
  { status: 504, text: 'Gateway Timeout', category: 'server', retry: 'backoff', refund: 'refunded' },
] as const satisfies readonly StatusFacts[];

export type HttpStatusFacts = (typeof HTTP_STATUSES)[number];

/** Statuses outside the table by name; 410 is the seed's only status with codes but no row. */
const EXTRA_TEXT: Record<number, string> = { 0: 'No response', 410: 'Gone' };

const statusFacts = (status: number): HttpStatusFacts | undefined => HTTP_STATUSES.find((row) => row.status === status);

export const statusText = (status: number): string =>
  statusFacts(status)?.text ?? EXTRA_TEXT[status] ?? `HTTP ${status}`;

/** The seed's sample client: 3 tries in all, waiting 2^attempt seconds on 5xx, at least 60 s on a bare 429. */
export const RETRY_SCHEDULE = { maxAttempts: 3, backoffBaseSeconds: 2, defaultResetSeconds: 60 } as const;
