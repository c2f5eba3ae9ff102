import type { ErrorBilling, ErrorEnvelope } from '../contract/envelope';
import { factsOf, type ErrorCode, type MultiStatusCode, type StatusOf } from '../contract/error-codes';
import { creditsToDollars } from '../contract/money';
import type { Tier } from '../contract/pricing';
import { echoText, echoValue } from './lib/bounded-echo';

/** The codes a server answers with: all but the dashboard's own, whose status 0 means no answer came. */
export type ServerCode = { [C in ErrorCode]: StatusOf<C> extends 0 ? never : C }[ErrorCode];

export interface FailureExtra {
  details?: Record<string, unknown>;
  billing?: ErrorBilling | undefined;
  retryAfter?: number;
  headers?: Record<string, string>;
  /** A scrape that failed: its target and the highest tier that ran (null: none ran). */
  target?: { url: string; tier: Tier | null };
}

/** A code answered with two statuses (SESSION_EXPIRED) cannot be raised without saying which. */
type FailArgs<C extends ServerCode> = C extends MultiStatusCode
  ? [extra: FailureExtra & { status: StatusOf<C> }]
  : [extra?: FailureExtra];

/** A failure a handler means to answer; the one error handler turns it into the envelope. Made by `fail`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ServerCode,
    readonly status: number,
    message: string,
    readonly extra: FailureExtra,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** A failure raised by its code: the status is the contract's, so no handler can answer a code with another. */
export function fail<C extends ServerCode>(code: C, message: string, ...[extra]: FailArgs<C>): ApiFailure {
  const { status, ...rest } = (extra ?? {}) as FailureExtra & { status?: number };
  return new ApiFailure(code, status ?? factsOf(code).status, message, rest);
}

export const internalError = () => fail('INTERNAL_ERROR', 'An unexpected error occurred on our side');

export const noRoute = (method: string, url: string) => fail('NOT_FOUND', `No route ${method} ${url.split('?')[0]}`);

/**
 * The seed's envelope for a failure; `detail` and `code` repeat the message and the code for the official clients. Messages and details
 * echo what was sent (a URL, a field name), so they leave bounded and with keys masked.
 */
export function envelopeOf(failure: ApiFailure, requestId: string): ErrorEnvelope {
  const message = echoText(failure.message);
  const details = failure.extra.details && (echoValue(failure.extra.details) as Record<string, unknown>);
  return {
    error: failure.code,
    code: failure.code,
    message,
    detail: message,
    request_id: requestId,
    ...(details && { details }),
    ...(failure.extra.billing && { billing: failure.extra.billing }),
    ...(failure.extra.retryAfter !== undefined && { retry_after: failure.extra.retryAfter }),
    ...nodeSdkFields(failure, details ?? {}),
  };
}

/**
 * What the Node SDK's error classes read from the top level of the body (api-facts §5.1): a validation error's field,
 * a refusal for credits in dollars, a failed scrape's URL and tier. Each repeats what the failure already says, so
 * `details` stays the one place the dashboard reads. `details` here is as echoed: bounded, keys masked.
 */
function nodeSdkFields({ code, extra }: ApiFailure, details: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (typeof details.field === 'string') fields.field = details.field;
  if (code === 'INSUFFICIENT_CREDITS') {
    const { available_credits: available, required_credits: required } = details;
    if (typeof available === 'number') fields.balance_dollars = creditsToDollars(available);
    if (typeof required === 'number') fields.required_dollars = creditsToDollars(required);
  }
  if (extra.target) {
    fields.url = echoText(extra.target.url);
    // The SDK types it a number; the sandbox's tiers are the strings "1" to "4".
    if (extra.target.tier) fields.tier = Number(extra.target.tier);
  }
  return fields;
}
