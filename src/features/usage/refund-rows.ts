import type { RefundEntry } from '../../../contract/usage-report';
import { type CsvColumn, toCsv } from '../../lib/csv';
import type { RefundSort } from './search';

/** What the policy column says of a refund. */
export const expectedLabel = (refund: RefundEntry) =>
  refund.expected === null ? 'cannot tell' : refund.expected ? 'yes' : 'no';

const KEYS: Record<RefundSort, (refund: RefundEntry) => string | number> = {
  at: (refund) => refund.at,
  request: (refund) => refund.request_id ?? '',
  code: (refund) => refund.code ?? '',
  credits: (refund) => refund.credits,
};

/** The refunds in the asked order (ties keep the API's, newest first). */
export function shownRefunds(refunds: RefundEntry[], view: { sort: RefundSort; dir: 'asc' | 'desc' }): RefundEntry[] {
  const key = KEYS[view.sort];
  const sign = view.dir === 'asc' ? 1 : -1;
  return refunds
    .map((refund, index) => ({ refund, index }))
    .sort((a, b) => {
      const [x, y] = [key(a.refund), key(b.refund)];
      return (x < y ? -sign : x > y ? sign : 0) || a.index - b.index;
    })
    .map(({ refund }) => refund);
}

const CSV_COLUMNS: CsvColumn<RefundEntry>[] = [
  ['refunded_at', (refund) => refund.at],
  ['request_id', (refund) => refund.request_id ?? ''],
  ['code', (refund) => refund.code ?? ''],
  ['credits_refunded', (refund) => refund.credits],
  ['domain', (refund) => refund.domain ?? ''],
  ['refund_expected_by_policy', expectedLabel],
  ['mismatch', (refund) => (refund.mismatch ? 'yes' : 'no')],
];

/**
 * The refund history as CSV. It holds what the table shows and nothing else: no key, no cookie, no target URL
 * (a URL's query could carry one), only the domain.
 */
export const refundsCsv = (refunds: RefundEntry[]) => toCsv(CSV_COLUMNS, refunds);
