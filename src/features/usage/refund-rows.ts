import type { RefundEntry } from '../../../contract/usage-report';
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

const CSV_COLUMNS: [header: string, value: (refund: RefundEntry) => string | number][] = [
  ['refunded_at', (refund) => refund.at],
  ['request_id', (refund) => refund.request_id ?? ''],
  ['code', (refund) => refund.code ?? ''],
  ['credits_refunded', (refund) => refund.credits],
  ['domain', (refund) => refund.domain ?? ''],
  ['refund_expected_by_policy', expectedLabel],
  ['mismatch', (refund) => (refund.mismatch ? 'yes' : 'no')],
];

/** A cell as CSV reads it; one a spreadsheet would run as a formula is quoted as text. */
function cell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The refund history as CSV. It holds what the table shows and nothing else: no key, no cookie, no target URL
 * (a URL's query could carry one), only the domain.
 */
export const refundsCsv = (refunds: RefundEntry[]) =>
  [CSV_COLUMNS.map(([header]) => header), ...refunds.map((refund) => CSV_COLUMNS.map(([, value]) => value(refund)))]
    .map((row) => row.map(cell).join(','))
    .join('\r\n') + '\r\n';
