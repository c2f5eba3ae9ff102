import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { Link } from '@tanstack/react-router';
import type { RequestLogEntry } from '../../../../contract/request-log';
import { RequestCodeLink } from '../../../components/request-code-link';
import { credits, formatDateTime } from '../../../lib/format';
import { refundVerdict } from './refund-verdict';

/** Core rows only: the API filters and orders, the table lays out what it gave. */
export const features = tableFeatures({});
const helper = createColumnHelper<typeof features, RequestLogEntry>();

export const ORIGIN_LABEL: Record<RequestLogEntry['origin'], string> = {
  user: 'You',
  dashboard: 'Dashboard',
};

/** Fixed widths (px), so rows scrolled into view never shift the columns. */
export const COLUMN_WIDTH: Record<string, number> = {
  at: 190,
  call: 200,
  target: 280,
  status: 70,
  code: 190,
  credits: 130,
  verdict: 190,
  origin: 100,
};

export const columns = helper.columns([
  helper.accessor('at', {
    header: 'Time',
    cell: ({ row }) => (
      <Link
        to="/triage/requests/$id"
        params={{ id: row.original.request_id }}
        className="text-blue-800 underline"
        aria-label={`Request ${row.original.request_id}, ${formatDateTime(row.original.at)}`}
      >
        {formatDateTime(row.original.at)}
      </Link>
    ),
  }),
  helper.display({
    id: 'call',
    header: 'Call',
    cell: ({ row }) => (
      <span className="font-mono break-all">
        {row.original.method} {row.original.path}
      </span>
    ),
  }),
  helper.display({
    id: 'target',
    header: 'Target',
    cell: ({ row }) =>
      row.original.url ? (
        <>
          <span className="block font-mono break-all">{row.original.url}</span>
          {row.original.domain && <span className="block text-xs text-slate-600">{row.original.domain}</span>}
        </>
      ) : (
        '—'
      ),
  }),
  helper.accessor('status', { header: 'Status', cell: ({ getValue }) => getValue() }),
  helper.accessor('code', {
    header: 'Code',
    cell: ({ row }) => <RequestCodeLink code={row.original.code} status={row.original.status} />,
  }),
  helper.display({
    id: 'credits',
    header: 'Credits',
    cell: ({ row }) => (
      <>
        <span className="block">{credits(row.original.credits_charged)} charged</span>
        {row.original.credits_refunded > 0 && (
          <span className="block">{credits(row.original.credits_refunded)} refunded</span>
        )}
      </>
    ),
  }),
  helper.display({
    id: 'verdict',
    header: 'Refund verdict',
    cell: ({ row }) => <VerdictCell entry={row.original} />,
  }),
  helper.accessor('origin', { header: 'Origin', cell: ({ getValue }) => ORIGIN_LABEL[getValue()] }),
]);

function VerdictCell({ entry }: { entry: RequestLogEntry }) {
  const verdict = refundVerdict(entry);
  if (verdict.kind === 'mismatch')
    return (
      <strong className="font-semibold text-red-900">
        <span aria-hidden="true">⚠ </span>
        {verdict.label}
      </strong>
    );
  return <span className={verdict.kind === 'no-failure' ? 'text-slate-600' : ''}>{verdict.label}</span>;
}
