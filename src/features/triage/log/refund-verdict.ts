import { HEADER } from '../../../../contract/headers';
import type { AnsweredRateLimit } from '../../../../contract/request-detail';
import type { RequestLogEntry } from '../../../../contract/request-log';
import { advise, type Advice } from '../../../errors/advise';

export type VerdictKind = 'no-failure' | 'nothing-charged' | 'as-expected' | 'mismatch' | 'no-policy';

export interface RefundVerdict {
  kind: VerdictKind;
  /** What the refund policy expects of this failure; null when it says nothing (or nothing failed). */
  expected: boolean | null;
  refunded: boolean;
  /** One short phrase, the same in the table, the export and the support summary. */
  label: string;
}

/** A log entry, or a request's detail, which also has the API's message and the rate-limit headers it got. */
type Logged = RequestLogEntry & { response?: { message: string | null }; rate_limit?: AnsweredRateLimit | null };

/**
 * The advice of the catalog for a logged failure, with the refund the log recorded as its billing. Its retry time is
 * counted from when the call was answered, with the reset it was answered with, never from when the page is read: a
 * 429 of last week is long past its reset.
 */
export function adviceForEntry(entry: Logged): Advice | null {
  if (!entry.code && entry.status < 400) return null;
  return advise(
    {
      status: entry.status,
      code: entry.code ?? String(entry.status),
      requestId: entry.request_id,
      message: entry.response?.message ?? undefined,
      // Nothing charged, nothing to refund: the log then says nothing about the refund either way.
      billing:
        entry.credits_charged > 0
          ? { refunded: entry.credits_refunded > 0, refunded_credits: entry.credits_refunded }
          : undefined,
    },
    entry.rate_limit?.reset == null ? {} : { [HEADER.reset]: String(entry.rate_limit.reset) },
    new Date(Date.parse(entry.at) + entry.duration_ms),
  );
}

/** Whether a logged request's refund is what the refund policy (contract/error-codes.ts, via the catalog) expects. */
export function refundVerdict(entry: RequestLogEntry): RefundVerdict {
  const refunded = entry.credits_refunded > 0;
  const advice = adviceForEntry(entry);
  if (!advice) return { kind: 'no-failure', expected: null, refunded, label: 'No failure' };
  const expected = advice.refund.expectedRefund;
  if (entry.credits_charged === 0) return { kind: 'nothing-charged', expected, refunded, label: 'Nothing charged' };
  if (expected === null)
    return {
      kind: 'no-policy',
      expected,
      refunded,
      label: refunded ? 'Refunded; no policy applies' : 'No policy applies',
    };
  if (advice.refund.mismatch)
    return {
      kind: 'mismatch',
      expected,
      refunded,
      label: refunded ? 'Refunded, but the policy says not' : 'Not refunded, but the policy says it should be',
    };
  return {
    kind: 'as-expected',
    expected,
    refunded,
    label: refunded ? 'Refunded, as the policy says' : 'Not refunded, as the policy says',
  };
}
