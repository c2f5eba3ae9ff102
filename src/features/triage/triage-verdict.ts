import { ERROR_CODES } from '../../../contract/error-codes';
import { advise, type Advice } from '../../errors/advise';
import { credits as creditCount } from '../../lib/format';
import type { DecodedPaste } from './decode-paste';

/** Whether the status that came with a code is the one the contract gives the code. */
export type StatusCheck =
  | { kind: 'consistent'; status: number }
  /** The response's status is not the code's: a proxy changed it, or the server is wrong. */
  | { kind: 'mismatch'; status: number; expected: number[] }
  /** An SDK reported its own number (the Python SDK says 422 for every failed job), not the API's. */
  | { kind: 'sdk-differs'; status: number; expected: number[] }
  /** No status came with the code: the code's own is used. */
  | { kind: 'implied'; expected: number[] }
  /** Only a status (or a code the contract does not know): nothing to check it against. */
  | { kind: 'unchecked' };

function statusCheck(paste: DecodedPaste): StatusCheck {
  const code = paste.failure?.code;
  const expected = ERROR_CODES.filter((facts) => facts.code === code).map((facts) => facts.status as number);
  if (expected.length === 0) return { kind: 'unchecked' };
  const status = paste.pastedStatus;
  if (status === null) return { kind: 'implied', expected };
  if (expected.includes(status)) return { kind: 'consistent', status };
  return paste.kind === 'sdk-exception'
    ? { kind: 'sdk-differs', status, expected }
    : { kind: 'mismatch', status, expected };
}

export type RefundVerdictKind = 'as-policy' | 'against-policy' | 'not-reported' | 'no-policy';

export interface TriageRefund {
  kind: RefundVerdictKind;
  /** What the refund policy expects; null when it says nothing. */
  expected: boolean | null;
  /** What the paste says (`billing.refunded`); null when it carried no billing. */
  reported: boolean | null;
  text: string;
}

/** The refund the paste reports, against what the policy says of its code. */
function refundVerdict(advice: Advice): TriageRefund {
  const { expectedRefund: expected, reportedRefund: reported, refundedCredits } = advice.refund;
  const credits = refundedCredits === null ? '' : ` (${creditCount(refundedCredits)})`;
  if (expected === null) {
    const said = reported === null ? '' : reported ? `Refunded${credits}. ` : 'Not refunded. ';
    return { kind: 'no-policy', expected, reported, text: `${said}The refund policy says nothing of this failure.` };
  }
  const should = expected ? 'should be refunded' : 'is not refunded';
  if (reported === null) {
    return {
      kind: 'not-reported',
      expected,
      reported,
      text: `The paste says nothing of a refund; the policy says this failure ${should}.`,
    };
  }
  if (reported === expected) {
    return {
      kind: 'as-policy',
      expected,
      reported,
      text: reported ? `Refunded${credits}, as the policy says.` : 'Not refunded, as the policy says.',
    };
  }
  return {
    kind: 'against-policy',
    expected,
    reported,
    text: reported
      ? `Refunded${credits}, but the policy says this failure is not refunded.`
      : 'Not refunded, but the policy says this failure should be: a refund is owed.',
  };
}

/**
 * The guidance for a decoded paste. A retry time is counted from the response's own `Date` header when it has
 * one (Retry-After is relative to when it was sent), else from `now`.
 */
export function triageAdvice(paste: DecodedPaste & { failure: NonNullable<DecodedPaste['failure']> }, now: Date) {
  const sent = Date.parse(paste.headers.date ?? '');
  const answeredAt = Number.isNaN(sent) ? now : new Date(sent);
  const advice = advise(paste.failure, paste.headers, answeredAt);
  return { advice, answeredAt, statusCheck: statusCheck(paste), refund: refundVerdict(advice) };
}
export type TriageAdvice = ReturnType<typeof triageAdvice>;
