import { retryDecision } from '../errors/retry-decision';

/**
 * react-query's `retry` and `retryDelay`, both from retryDecision. react-query counts the failures before this
 * one, so the try that just failed is `failureCount + 1`. Without `waitOutRateLimit` a 429 is not retried: the
 * dashboard's own refreshes must not keep spending a limit that is already used up.
 */
export function retryOptions({ waitOutRateLimit }: { waitOutRateLimit: boolean }) {
  return {
    retry: (failureCount: number, error: Error) => {
      const decision = retryDecision(error, failureCount + 1, new Date());
      return decision.kind === 'wait' && (waitOutRateLimit || decision.reason !== 'rate-limit');
    },
    retryDelay: (failureCount: number, error: Error) => {
      const now = new Date();
      const decision = retryDecision(error, failureCount + 1, now);
      return decision.kind === 'wait' ? decision.retryAt - now.getTime() : 0;
    },
  };
}
