import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { RequestDetail } from '../../../../contract/request-detail';
import { RequestCodeLink } from '../../../components/request-code-link';
import { credits, formatDateTime } from '../../../lib/format';
import { ORIGIN_LABEL } from '../log/log-columns';
import { refundVerdict } from '../log/refund-verdict';

type Fact = [label: string, value: ReactNode];

/** The tiers tried, in order: "1 failed → 2 failed → 3 success (5 credits)". */
const tiersTried = (escalations: RequestDetail['billing']['escalations']) =>
  escalations
    .map((step) => `${step.tier} ${step.result}${step.credits > 0 ? ` (${credits(step.credits)})` : ''}`)
    .join(' → ');

function billingFacts({ billing }: RequestDetail): Fact[] {
  const facts: Fact[] = [];
  if (billing.estimated_credits !== null) facts.push(['Estimated', credits(billing.estimated_credits)]);
  facts.push(['Credits', `${credits(billing.credits_charged)} charged, ${credits(billing.credits_refunded)} refunded`]);
  facts.push(['Tier', billing.tier_used ?? '—']);
  if (billing.escalations.length > 0) facts.push(['Tiers tried', tiersTried(billing.escalations)]);
  if (billing.cached) facts.push(['Cache', 'Answered from the cache']);
  return facts;
}

function rateLimitFact({ rate_limit: limit }: RequestDetail): Fact[] {
  if (!limit || limit.limit === null || limit.remaining === null) return [];
  return [['Rate limit', `${limit.remaining} of ${limit.limit} left in the minute after this call`]];
}

/** What the log recorded of the request, with the refund policy's verdict on its refund. */
export function RequestFacts({ detail }: { detail: RequestDetail }) {
  const verdict = refundVerdict(detail);
  const session = detail.session ?? (detail.session_id ? { id: detail.session_id, name: null } : null);
  const rows: Fact[] = [
    ['Time', formatDateTime(detail.at)],
    ['Call', <code className="font-mono">{`${detail.method} ${detail.path}`}</code>],
    ['Target', detail.url ? <code className="font-mono break-all">{detail.url}</code> : '—'],
    [
      'Outcome',
      <>
        HTTP {detail.status} · <RequestCodeLink code={detail.code} status={detail.status} />
        {detail.response.message && <span className="block">The API said: “{detail.response.message}”</span>}
      </>,
    ],
    ['Duration', `${Math.round(detail.duration_ms)} ms`],
    ...billingFacts(detail),
    [
      'Refund verdict',
      <span data-testid="refund-verdict" className={verdict.kind === 'mismatch' ? 'font-semibold text-red-900' : ''}>
        {verdict.kind === 'mismatch' && <span aria-hidden="true">⚠ </span>}
        {verdict.label}
      </span>,
    ],
    [
      'Session',
      session ? (
        <Link to="/sessions" search={{ session: session.id }} className="text-blue-800 underline">
          {session.name ?? <span className="font-mono">{session.id}</span>}
        </Link>
      ) : (
        'None'
      ),
    ],
    ...rateLimitFact(detail),
    ['Made by', ORIGIN_LABEL[detail.origin]],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
