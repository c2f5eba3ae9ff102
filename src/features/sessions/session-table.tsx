import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { sessionQueries } from '../../api/sessions';
import { ColumnHeaders } from '../../components/column-headers';
import { SessionStatusLabel } from '../../components/session-status';
import { useNow } from '../../lib/use-now';
import type { StatusFilter } from './search';
import { CookieNames, ExpiryText, LastCheck, LastUsed, SuccessRate } from './session-cells';
import { ScrollRegion } from '../../components/scroll-region';

const COLUMNS = [
  { label: 'Name' },
  { label: 'Domain' },
  { label: 'Cookies' },
  { label: 'Status' },
  { label: 'Expiry' },
  { label: 'Last validated' },
  { label: 'Success rate' },
  { label: 'Last used' },
];
const CELL = 'px-3 py-2 align-top';

/** The sessions the filters ask for; a name opens the session's details. */
export function SessionTable(props: {
  status: StatusFilter | undefined;
  domain: string | undefined;
  selected: string | undefined;
}) {
  const { status, domain } = props;
  // Clean-up candidates are two statuses; one call for every status of the domain, then filtered, spends less.
  const { data } = useSuspenseQuery(sessionQueries.list(status === 'cleanup' ? { domain } : { status, domain }));
  const sessions = status === 'cleanup' ? data.sessions.filter((s) => s.status !== 'active') : data.sessions;
  const now = useNow(false);

  if (sessions.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        {status || domain
          ? 'No session matches these filters.'
          : 'No stored sessions yet: create one with New session.'}
      </p>
    );
  }
  return (
    <ScrollRegion label="Stored sessions table">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          Stored sessions{status || domain ? ', filtered' : ''}: {sessions.length}
        </caption>
        <ColumnHeaders columns={COLUMNS} cellClassName="px-3 py-2" />
        <tbody>
          {sessions.map((session) => (
            <tr
              key={session.id}
              aria-current={props.selected === session.id ? 'true' : undefined}
              className="border-b border-slate-100 aria-[current=true]:bg-blue-50"
            >
              <th scope="row" className={`${CELL} font-medium`}>
                <Link
                  from="/sessions"
                  to="/sessions"
                  search={(prev) => ({ ...prev, session: session.id })}
                  className="text-blue-800 underline"
                >
                  {session.name}
                </Link>
              </th>
              <td className={`${CELL} font-mono`}>{session.domain}</td>
              <td className={CELL}>
                <CookieNames names={session.cookie_names} />
              </td>
              <td className={CELL}>
                <SessionStatusLabel status={session.status} />
              </td>
              <td className={CELL}>
                <ExpiryText session={session} now={now} />
              </td>
              <td className={CELL}>
                <LastCheck session={session} now={now} />
              </td>
              <td className={CELL}>
                <SuccessRate session={session} />
              </td>
              <td className={CELL}>
                <LastUsed session={session} now={now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
