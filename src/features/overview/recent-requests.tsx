import { useSuspenseQuery } from '@tanstack/react-query';
import { requestQueries } from '../../api/requests';
import { formatDateTime } from '../../lib/format';
import { ColumnHeaders } from '../../components/column-headers';
import { RequestCodeLink } from '../../components/request-code-link';

const COLUMNS = [
  { label: 'Time' },
  { label: 'Call' },
  { label: 'Status' },
  { label: 'Outcome' },
  { label: 'Duration' },
];

/** The latest calls of this key: an error's code links to its guidance. */
export function RecentRequests() {
  const { data } = useSuspenseQuery(requestQueries.list({ limit: 10 }));
  if (data.requests.length === 0) return <p className="text-sm text-slate-700">No requests yet with this key.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">The ten latest requests made with this key</caption>
        <ColumnHeaders columns={COLUMNS} cellClassName="py-2 pr-4" />
        <tbody>
          {data.requests.map((entry) => (
            <tr key={entry.request_id} className="border-b border-slate-100">
              <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(entry.at)}</td>
              <td className="py-2 pr-4 font-mono">
                {entry.method} {entry.path}
              </td>
              <td className="py-2 pr-4">{entry.status}</td>
              <td className="py-2 pr-4">
                <RequestCodeLink code={entry.code} status={entry.status} />
              </td>
              <td className="py-2">{Math.round(entry.duration_ms)} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
