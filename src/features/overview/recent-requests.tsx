import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { RequestLogEntry, RequestOrigin } from '../../../contract/request-log';
import { ColumnHeaders } from '../../components/column-headers';
import { RequestCodeLink } from '../../components/request-code-link';
import { ScrollRegion } from '../../components/scroll-region';
import { credits, formatDateTime } from '../../lib/format';
import { usePageSearch } from '../../lib/route-search';
import { DEFAULT_CALLS, recentRequestsQuery } from './first-queries';
import { overviewSearchSchema } from './search';

const route = getRouteApi('/');

const COLUMNS = [
  { label: 'Time' },
  { label: 'Target' },
  { label: 'Outcome' },
  { label: 'Charged', align: 'right' },
  { label: 'Refunded', align: 'right' },
] as const;

const CAPTION: Record<RequestOrigin, string> = {
  user: 'The ten latest requests you made with this key',
  dashboard: 'The ten latest requests the dashboard made by itself with this key',
};

const EMPTY: Record<RequestOrigin, string> = {
  user: 'No requests of yours with this key yet.',
  dashboard: 'The dashboard has made no calls of its own with this key yet.',
};

/**
 * The latest calls of this key: the user's by default (what they scraped, its outcome, its cost and refund), the
 * dashboard's own reads one click away. Each opens its request; an error's code links to its guidance.
 */
export function RecentRequests() {
  const { calls: origin = DEFAULT_CALLS } = usePageSearch(route, overviewSearchSchema);
  const { data } = useSuspenseQuery(recentRequestsQuery(origin));
  return (
    <div className="space-y-3">
      <OriginToggle current={origin} />
      {data.requests.length === 0 ? (
        <p className="text-sm text-slate-700">
          {EMPTY[origin]}
          {origin === 'user' && (
            <>
              {' '}
              <Link to="/scrape" className="text-blue-800 underline">
                Run a scrape
              </Link>
              .
            </>
          )}
        </p>
      ) : (
        <ScrollRegion label={CAPTION[origin]}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{CAPTION[origin]}</caption>
            <ColumnHeaders columns={COLUMNS} cellClassName="py-2 pr-4" />
            <tbody>
              {data.requests.map((entry) => (
                <RequestRow key={entry.request_id} entry={entry} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}

function RequestRow({ entry }: { entry: RequestLogEntry }) {
  const call = `${entry.method} ${entry.path}`;
  return (
    <tr className="border-b border-slate-100 align-top">
      <td className="py-2 pr-4 whitespace-nowrap">
        <Link
          to="/triage/requests/$id"
          params={{ id: entry.request_id }}
          className="text-blue-800 underline"
          aria-label={`${formatDateTime(entry.at)}: open this request`}
        >
          {formatDateTime(entry.at)}
        </Link>
      </td>
      <td className="max-w-md py-2 pr-4 break-all">
        {entry.url ? (
          <>
            <span className="block font-mono">{entry.url}</span>
            <span className="block text-xs text-slate-600">{call}</span>
          </>
        ) : (
          <span className="font-mono">{call}</span>
        )}
      </td>
      <td className="py-2 pr-4 whitespace-nowrap">
        {entry.status} <RequestCodeLink code={entry.code} status={entry.status} />
      </td>
      <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">{credits(entry.credits_charged)}</td>
      <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">
        {entry.credits_refunded > 0 ? credits(entry.credits_refunded) : '—'}
      </td>
    </tr>
  );
}

/** Whose calls the list shows; the choice is in the address, so a reload or a shared link keeps it. */
function OriginToggle({ current }: { current: RequestOrigin }) {
  const navigate = route.useNavigate();
  const options: { origin: RequestOrigin; label: string }[] = [
    { origin: 'user', label: 'Your calls' },
    { origin: 'dashboard', label: 'The dashboard’s own calls' },
  ];
  return (
    <div role="group" aria-label="Whose calls" className="flex flex-wrap gap-2 text-sm">
      {options.map((option) => (
        <button
          key={option.origin}
          type="button"
          aria-pressed={option.origin === current}
          onClick={() =>
            void navigate({
              search: { calls: option.origin === DEFAULT_CALLS ? undefined : option.origin },
              replace: true,
            })
          }
          className="rounded-md border border-slate-300 px-3 py-1 font-medium text-slate-800 aria-pressed:border-blue-700 aria-pressed:bg-blue-50 aria-pressed:text-blue-900"
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
