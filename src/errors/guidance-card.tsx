import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { ScrapeRequest } from '../../contract/scrape';
import { credits, formatDateTime, formatSeconds } from '../lib/format';
import { secondsLeft } from '../lib/seconds-left';
import { useNow } from '../lib/use-now';
import { adviseThrown, type Advice } from './advise';
import type { FixAction, FixContext } from './catalog-fixes';
import { failureFacts, triesMade } from './failure-facts';
import { fixesFor } from './fix-plan';
import { Fixes, SECONDARY_BUTTON } from './guidance-fixes';

interface GuidanceCardProps {
  /** Worked out once, when the failure happened: only the countdown below ticks. */
  advice: Advice;
  /** "Try again": refetch, or run the same request again. */
  onRetry?: () => void;
  /** Applies a fix to the request and runs it again; without it, request fixes are listed as advice. */
  onFix?: (fix: FixAction) => void;
  /** The failed request's session and URL, which some fix links carry (the session to refresh, its domain). */
  context?: FixContext;
  /** The request that failed: its fixes are completed for it, and its values (the timeout) are named. */
  request?: ScrapeRequest;
  /** How many tries the dashboard made, its automatic retries included. */
  attempts?: number;
}

/**
 * The guidance for one failure, from the one catalog: what happened, whether it
 * was refunded (and whether it should have been), when a retry is safe, and what
 * to change, with the fixes as buttons.
 */
export function GuidanceCard({ advice, onRetry, onFix, context = {}, request, attempts }: GuidanceCardProps) {
  const { entry, failure } = advice;
  const headingId = `guidance-${entry.code}-${failure.status}`;
  const facts = failureFacts(advice, request);
  const tries = triesMade(attempts);

  return (
    <article
      aria-labelledby={headingId}
      data-testid="guidance-card"
      className="min-w-0 space-y-3 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 text-sm wrap-anywhere text-slate-900"
    >
      <header className="space-y-1">
        <p className="font-mono text-xs font-semibold tracking-wide text-red-900">
          {failure.code} · {failure.status === 0 ? 'no response' : `HTTP ${failure.status} ${entry.statusText}`}
        </p>
        <h2 id={headingId} className="text-base font-semibold">
          {advice.headline}
        </h2>
      </header>
      <Fact label="What happened">
        {entry.whatHappened}
        {facts.map((fact) => (
          <span key={fact} className="block font-medium">
            {fact}
          </span>
        ))}
        {failure.message && <span className="block text-slate-700">The API said: “{failure.message}”</span>}
      </Fact>
      <Fact label="Refund">
        <RefundLine advice={advice} />
      </Fact>
      <Fact label="Retry">
        {tries && <span className="block">{tries}</span>}
        <RetryLine advice={advice} />
      </Fact>
      <Fact label="What to change">{entry.whatToChange}</Fact>
      <Fixes
        fixes={fixesFor(advice, request)}
        onFix={onFix}
        context={{ ...context, sessionId: context.sessionId ?? sessionOf(advice) }}
      />
      <footer className="flex flex-wrap items-center gap-3 border-t border-red-200 pt-3">
        {onRetry && advice.retry.rule !== 'never' && <TryAgain advice={advice} onRetry={onRetry} />}
        <Link
          to="/errors/$code"
          params={{ code: entry.kind === 'code' ? entry.code : failure.code }}
          search={{ status: failure.status || undefined }}
          className="text-blue-800 underline"
        >
          About {entry.kind === 'code' ? entry.code : failure.code} in the error reference
        </Link>
        {failure.requestId && (
          <span className="text-slate-700">
            Request id <code className="font-mono">{failure.requestId}</code>
          </span>
        )}
      </footer>
    </article>
  );
}

/** The stored session a failure names (the session errors carry `details.session_id`), for its fix links. */
function sessionOf({ failure }: Advice): string | undefined {
  const id = failure.details?.session_id;
  return typeof id === 'string' ? id : undefined;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <p className="font-semibold">{label}</p>
      <div>{children}</div>
    </div>
  );
}

function RefundLine({ advice }: { advice: Advice }) {
  const { refund } = advice;
  const refunded = refund.refundedCredits;
  const policyText = {
    refunded: 'The refund policy says this failure is refunded.',
    'not-refunded': 'The refund policy says this failure is not refunded.',
    'not-charged': 'Nothing is charged for this failure: it is refused before any credits are reserved.',
    'not-applicable': 'No scrape credits are involved.',
  }[refund.policy];
  const reported =
    refund.reportedRefund === null
      ? null
      : refund.reportedRefund
        ? `The response says it was refunded${refunded !== null ? ` (${credits(refunded)})` : ''}.`
        : 'The response says it was not refunded.';
  return (
    <>
      {reported && <span className="block">{reported}</span>}
      <span className="block">{policyText}</span>
      {refund.mismatch && (
        <span role="alert" className="mt-1 block font-semibold text-red-900">
          Mismatch: the response and the refund policy disagree. Keep the request id and contact support.
        </span>
      )}
    </>
  );
}

/**
 * Sending the same request again, secondary to the fixes. Before a rate limit's reset it stays disabled: a retry
 * then only spends another try on the same 429.
 */
function TryAgain({ advice, onRetry }: { advice: Advice; onRetry: () => void }) {
  const { safeAt, rule } = advice.retry;
  const waiting = rule === 'after-reset' && safeAt !== null;
  const now = useNow(waiting);
  const left = waiting ? secondsLeft(safeAt.getTime(), now) : 0;
  const early = left > 0;
  return (
    <button type="button" onClick={onRetry} disabled={early} className={SECONDARY_BUTTON}>
      {early ? `Try again (in ${formatSeconds(left)})` : 'Try again'}
    </button>
  );
}

function RetryLine({ advice }: { advice: Advice }) {
  const { retry } = advice;
  const counting = retry.rule === 'after-reset' && retry.safeAt !== null;
  const now = useNow(counting);
  switch (retry.rule) {
    case 'after-reset': {
      const left = retry.safeAt ? secondsLeft(retry.safeAt.getTime(), now) : 0;
      return (
        <span data-testid="retry-countdown">
          {left > 0
            ? `Wait: safe to retry in ${formatSeconds(left)} (at ${formatDateTime(retry.safeAt!)}).`
            : 'Safe to retry now.'}
        </span>
      );
    }
    case 'backoff':
      return (
        <>
          Retry with exponential back-off: wait {retry.backoffSeconds.map((s) => `${s} s`).join(', then ')}; at most{' '}
          {retry.maxAttempts} tries in all.
        </>
      );
    case 'maybe':
      return <>Retrying the same request unchanged rarely helps; change it as suggested below first.</>;
    case 'never':
      return <>Do not retry as is: the same request will fail the same way.</>;
    default:
      return <>Nothing to retry.</>;
  }
}

/** The guidance for an error a query or a call threw, worked out once when it is first shown. */
export function ThrownErrorGuidance({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const advice = useMemo(() => adviseThrown(error, new Date()), [error]);
  return <GuidanceCard advice={advice} onRetry={onRetry} />;
}
