import { findFacts, type ErrorCategory, type RetryRule } from '../../contract/error-codes';
import { HTTP_STATUSES } from '../../contract/http-statuses';

// The contract's facts of a code are read here without the catalog's words, so the retry rule every query uses does
// not pull the guidance text into the app's first chunk.

/**
 * The status a code implies when none came with it: its row's (the one of `category`, for a code listed under two
 * statuses), or the code read as a status ('503').
 */
export function statusOfCode(code: string, category?: ErrorCategory): number | undefined {
  return (
    findFacts(code, { category })?.status ?? HTTP_STATUSES.find((facts) => String(facts.status) === code.trim())?.status
  );
}

/** A status neither the codes nor the status table know: the seed retries 5xx, never other 4xx. */
export function unknownStatusRule(status: number): RetryRule {
  if (status >= 500 && status <= 599) return 'backoff';
  return status >= 400 && status <= 499 ? 'never' : 'maybe';
}

/** The retry rule of one failure: its code's, else its status's, else its status class's. */
export function retryRuleOf({ code, status }: { code: string; status: number }): RetryRule {
  return (
    findFacts(code, { status })?.retry ??
    HTTP_STATUSES.find((facts) => facts.status === status)?.retry ??
    unknownStatusRule(status)
  );
}
