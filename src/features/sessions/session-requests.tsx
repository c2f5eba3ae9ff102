import { useSuspenseQuery } from '@tanstack/react-query';
import { requestQueries } from '../../api/requests';
import { ColumnHeaders } from '../../components/column-headers';
import { formatDateTime } from '../../lib/format';
import { RequestCodeLink } from '../../components/request-code-link';
import { ScrollRegion } from '../../components/scroll-region';

const SHOWN = 20;
const COLUMNS = [{ label: 'Time' }, { label: 'Call' }, { label: 'URL' }, { label: 'Outcome' }, { label: 'Request id' }];
const CELL = 'py-2 pr-4 align-top';

/**
 * The latest requests that sent this session's cookies (scrapes and checks), from the request log. There is no
 * page per request yet, so each is shown here in full; an error's code links to its guidance.
 */
export function SessionRequests({ id }: { id: string }) {
  const { data } = useSuspenseQuery(requestQueries.list({ session: id, limit: SHOWN }));
  if (data.requests.length === 0) return <p className="text-slate-700">No request has used this session yet.</p>;
  return (
    <ScrollRegion label="Requests that used this session, table">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">The latest requests that used this session</caption>
        <ColumnHeaders columns={COLUMNS} cellClassName="py-2 pr-4" />
        <tbody>
          {data.requests.map((entry) => (
            <tr key={entry.request_id} className="border-b border-slate-100">
              <td className={`${CELL} whitespace-nowrap`}>{formatDateTime(entry.at)}</td>
              <td className={`${CELL} font-mono whitespace-nowrap`}>
                {entry.method} {entry.path}
              </td>
              <td className={`${CELL} font-mono break-all`}>{entry.url ?? '—'}</td>
              <td className={`${CELL} whitespace-nowrap`}>
                {entry.status} <RequestCodeLink code={entry.code} status={entry.status} />
              </td>
              <td className={`${CELL} font-mono text-xs`}>{entry.request_id}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.next_cursor && <p className="mt-2 text-slate-700">Showing the latest {SHOWN}.</p>}
    </ScrollRegion>
  );
}
