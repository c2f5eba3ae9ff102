import { Link } from '@tanstack/react-router';
import { useEffect, useMemo, useRef } from 'react';
import { statusText } from '../../../contract/http-statuses';
import { useApiKey } from '../../api/credentials-store';
import { LoggedRequest } from '../../components/logged-request';
import { GuidanceCard } from '../../errors/guidance-card';
import { formatDateTime, formatSeconds } from '../../lib/format';
import { secondsLeft } from '../../lib/seconds-left';
import { useNow } from '../../lib/use-now';
import type { DecodedPaste, PasteKind } from './decode-paste';
import { triageAdvice, type StatusCheck, type TriageAdvice } from './triage-verdict';

const KIND_LABEL: Record<PasteKind, string> = {
  'error-body': 'an error body',
  'http-response': 'a whole response',
  'sdk-exception': 'an SDK’s exception',
  'request-id': 'a request id',
  code: 'an error code',
  status: 'an HTTP status',
};

/** What a paste says, checked: the status against the code, the refund against the policy, and when to retry. */
export function DecodedView({ paste, now, focus }: { paste: DecodedPaste; now: Date; focus: boolean }) {
  const apiKey = useApiKey();
  const failure = paste.failure;
  const triage = useMemo(() => (failure ? triageAdvice({ ...paste, failure }, now) : null), [paste, failure, now]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Each decode moves the focus to its result, so a screen reader reads it out and Tab goes on from there.
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [paste, now, focus]);

  return (
    <div className="space-y-4">
      <section
        aria-labelledby="decoded-heading"
        className="space-y-2 rounded-lg border border-blue-200 bg-blue-50 p-4 text-sm wrap-anywhere"
      >
        <h3 id="decoded-heading" ref={heading} tabIndex={-1} className="text-base font-semibold">
          You pasted {KIND_LABEL[paste.kind]}
          {paste.exception ? ` (${paste.exception})` : ''}
        </h3>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
          {failure && !/^\d+$/.test(failure.code) && <Row label="Error code" value={failure.code} mono />}
          {triage && <Row label="Status" value={<StatusLine check={triage.statusCheck} status={failure!.status} />} />}
          {triage && <Row label="Refund" value={<span data-testid="refund-verdict">{triage.refund.text}</span>} />}
          {triage && <Row label="Retry" value={<RetryLine triage={triage} />} />}
          {paste.requestId && <Row label="Request id" value={paste.requestId} mono />}
        </dl>
      </section>
      {triage && <GuidanceCard advice={triage.advice} />}
      {paste.requestId &&
        (apiKey ? (
          <LoggedRequest requestId={paste.requestId}>
            <p>
              <Link to="/triage/requests/$id" params={{ id: paste.requestId }} className="text-blue-800 underline">
                Open this request in full
              </Link>
            </p>
          </LoggedRequest>
        ) : (
          <p className="text-sm">Connect the key that made this request to look it up in its request log.</p>
        ))}
    </div>
  );
}

function StatusLine({ check, status }: { check: StatusCheck; status: number }) {
  const list = (statuses: number[]) => statuses.join(' or ');
  switch (check.kind) {
    case 'consistent':
      return <>HTTP {check.status}, the status this code is answered with.</>;
    case 'mismatch':
      return (
        <strong role="alert" className="text-red-900">
          HTTP {check.status} does not match: this code is answered with {list(check.expected)}. A proxy in between
          changed it, or the server is wrong; keep the request id.
        </strong>
      );
    case 'sdk-differs':
      return (
        <>
          The SDK said {check.status}; the API answers this code with {list(check.expected)} (the SDK uses its own
          number for this exception).
        </>
      );
    case 'implied':
      return <>No status pasted; this code is answered with {list(check.expected)}.</>;
    default:
      return <>HTTP {status === 0 ? 'unknown' : `${status} ${statusText(status)}`}: no code to check it against.</>;
  }
}

const BASIS = {
  'retry-after': 'from the pasted Retry-After header',
  'body-retry-after': 'from the body’s retry_after',
  'rate-limit-reset': 'from the pasted X-RateLimit-Reset header',
  default: 'estimated: no header said when',
} as const;

/** Counts down on the page's clock, as the guidance card below does: the two never read a second apart. */
function RetryLine({ triage }: { triage: TriageAdvice }) {
  const { retry } = triage.advice;
  const now = useNow(retry.safeAt !== null);
  if (retry.rule === 'never') return <>Do not retry as is: the same request fails the same way.</>;
  if (retry.rule === 'maybe') return <>Not as is: change the request as the guidance says, then retry.</>;
  if (retry.rule === 'not-applicable' || !retry.safeAt || !retry.basis) return <>Nothing to retry.</>;
  const left = secondsLeft(retry.safeAt.getTime(), now);
  return (
    <span data-testid="retry-advice">
      {retry.rule === 'backoff' ? 'Retry with backoff; ' : 'Retry after the reset; '}
      safe at {formatDateTime(retry.safeAt)} ({BASIS[retry.basis]})
      {left > 0 ? `, in ${formatSeconds(left)}.` : ', which has passed: safe now.'}
    </span>
  );
}

function Row({ label, value, mono = false }: { label: string; value: React.ReactNode; mono?: boolean }) {
  return (
    <div className="contents">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className={mono ? 'font-mono' : undefined}>{value}</dd>
    </div>
  );
}
