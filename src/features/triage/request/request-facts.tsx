import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { RequestLogEntry } from '../../../../contract/request-log';
import { RequestCodeLink } from '../../../components/request-code-link';
import { credits, formatDateTime } from '../../../lib/format';
import { ORIGIN_LABEL } from '../log/log-columns';
import { refundVerdict } from '../log/refund-verdict';

/** What the log recorded of the request, with the refund policy's verdict on its refund. */
export function RequestFacts({ entry }: { entry: RequestLogEntry }) {
  const verdict = refundVerdict(entry);
  const rows: [label: string, value: ReactNode][] = [
    ['Time', formatDateTime(entry.at)],
    ['Call', <code className="font-mono">{`${entry.method} ${entry.path}`}</code>],
    ['Target', entry.url ? <code className="font-mono break-all">{entry.url}</code> : '—'],
    [
      'Outcome',
      <>
        HTTP {entry.status} · <RequestCodeLink code={entry.code} status={entry.status} />
      </>,
    ],
    ['Duration', `${Math.round(entry.duration_ms)} ms`],
    ['Tier', entry.tier ?? '—'],
    ['Credits', `${credits(entry.credits_charged)} charged, ${credits(entry.credits_refunded)} refunded`],
    [
      'Refund verdict',
      <span data-testid="refund-verdict" className={verdict.kind === 'mismatch' ? 'font-semibold text-red-900' : ''}>
        {verdict.kind === 'mismatch' && <span aria-hidden="true">⚠ </span>}
        {verdict.label}
      </span>,
    ],
    [
      'Session',
      entry.session_id ? (
        <Link to="/sessions" search={{ session: entry.session_id }} className="font-mono text-blue-800 underline">
          {entry.session_id}
        </Link>
      ) : (
        'None'
      ),
    ],
    ['Made by', ORIGIN_LABEL[entry.origin]],
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
