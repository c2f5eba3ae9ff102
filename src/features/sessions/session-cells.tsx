import type { Session } from '../../../contract/sessions';
import { formatDateTime, formatPercent, formatRelative } from '../../lib/format';

const SHOWN_NAMES = 4;

/** Cookie names (never values), the first few and how many more. */
export function CookieNames({ names, all = false }: { names: readonly string[]; all?: boolean }) {
  if (names.length === 0) return <span className="text-slate-600">None</span>;
  const shown = all ? names : names.slice(0, SHOWN_NAMES);
  return (
    <span>
      {shown.map((name, index) => (
        <span key={name}>
          {index > 0 && ', '}
          <code className="font-mono">{name}</code>
        </span>
      ))}
      {names.length > shown.length && ` and ${names.length - shown.length} more`}
    </span>
  );
}

/** "expires in 2 d", flagged when it is soon (the server's expiry_status) or past; the exact time on hover. */
export function ExpiryText({ session, now }: { session: Session; now: number }) {
  if (!session.expires_at) return <span className="text-slate-600">No expiry set</span>;
  const past = Date.parse(session.expires_at) <= now;
  const soon = !past && session.expiry_status === 'expiring_soon';
  const when = formatRelative(session.expires_at, now);
  return (
    <time
      dateTime={session.expires_at}
      title={formatDateTime(session.expires_at)}
      className={past ? 'font-medium text-red-800' : soon ? 'font-medium text-amber-900' : undefined}
    >
      {(past || soon) && <span aria-hidden="true">⚠ </span>}
      {past ? `expired ${when}` : `expires ${when}`}
    </time>
  );
}

/** When the session was last checked, and whether it was still logged in then. */
export function LastCheck({ session, now }: { session: Session; now: number }) {
  if (!session.last_validated_at) return <span className="text-slate-600">Never checked</span>;
  const failures = session.consecutive_failures;
  return (
    <span>
      <time dateTime={session.last_validated_at} title={formatDateTime(session.last_validated_at)}>
        {formatRelative(session.last_validated_at, now)}
      </time>
      {' · '}
      {session.last_validation_result === 'valid' && (
        <span className="text-green-800">
          <span aria-hidden="true">✓ </span>logged in
        </span>
      )}
      {session.last_validation_result === 'invalid' && (
        <span className="font-medium text-red-800">
          <span aria-hidden="true">✕ </span>not logged in{failures > 0 && ` (${failures} in a row)`}
        </span>
      )}
      {session.last_validation_result === null && 'no verdict'}
    </span>
  );
}

export function SuccessRate({ session }: { session: Session }) {
  if (session.total_requests === 0) return <span className="text-slate-600">No requests yet</span>;
  return (
    <span>
      {formatPercent(session.success_rate)}{' '}
      <span className="text-slate-600">
        ({session.successful_requests} of {session.total_requests})
      </span>
    </span>
  );
}

export function LastUsed({ session, now }: { session: Session; now: number }) {
  if (!session.last_used_at) return <span className="text-slate-600">Never</span>;
  return (
    <time dateTime={session.last_used_at} title={formatDateTime(session.last_used_at)}>
      {formatRelative(session.last_used_at, now)}
    </time>
  );
}
