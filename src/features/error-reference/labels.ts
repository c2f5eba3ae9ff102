import type { RefundPolicy, RetryRule } from '../../../contract/error-codes';

/** Short words for the catalog's rules, used in the reference's table and cards. */
export const RETRY_LABEL: Record<RetryRule, string> = {
  never: 'Never',
  'after-reset': 'After the reset',
  backoff: 'Back off',
  maybe: 'Maybe, after a fix',
  'not-applicable': '—',
};

export const REFUND_LABEL: Record<RefundPolicy, string> = {
  refunded: 'Refunded',
  'not-refunded': 'Not refunded',
  'not-charged': 'Not charged',
  'not-applicable': '—',
};
