import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Session } from '../../../contract/sessions';
import { SESSION_EXPIRING_SOON_DAYS } from '../../../contract/session-limits';
import { sessionQueries } from '../../api/sessions';
import { SessionStatusLabel } from '../../components/session-status';
import { formatRelative } from '../../lib/format';
import { useNow } from '../../lib/use-now';

/** Why a session needs a look: its expiry is near or past (the server's verdict), or its last check failed. */
function reasonsOf(session: Session, now: number): string[] {
  const reasons: string[] = [];
  if (session.expires_at && session.expiry_status === 'expiring_soon')
    reasons.push(`expires ${formatRelative(session.expires_at, now)}`);
  if (session.expires_at && session.expiry_status === 'expired')
    reasons.push(`expired ${formatRelative(session.expires_at, now)}`);
  if (session.last_validation_result === 'invalid') {
    const failures = session.consecutive_failures;
    reasons.push(`failed its last check${failures > 1 ? ` (${failures} in a row)` : ''}`);
  }
  return reasons;
}

/** Stored sessions that expire within a week or failed their last check, each linking to its details. */
export function SessionsAttention() {
  const { data } = useSuspenseQuery(sessionQueries.list());
  const now = useNow(false);
  const flagged = data.sessions
    .filter((session) => session.status !== 'invalid')
    .map((session) => ({ session, reasons: reasonsOf(session, now) }))
    .filter(({ reasons }) => reasons.length > 0);

  if (flagged.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        {data.in_use === 0
          ? 'No stored sessions.'
          : `No session expires within ${SESSION_EXPIRING_SOON_DAYS} days or failed its last check.`}
      </p>
    );
  }
  return (
    <ul className="space-y-2 text-sm">
      {flagged.map(({ session, reasons }) => (
        <li key={session.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <Link to="/sessions" search={{ session: session.id }} className="font-medium text-blue-800 underline">
            {session.name}
          </Link>
          <code className="font-mono text-slate-700">{session.domain}</code>
          <SessionStatusLabel status={session.status} />
          <span className="font-medium text-amber-900">
            <span aria-hidden="true">⚠ </span>
            {reasons.join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
