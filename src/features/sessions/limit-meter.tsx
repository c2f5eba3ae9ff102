import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { sessionQueries } from '../../api/sessions';

/** "47 of 50": the sessions that count toward the limit (deleted ones do not), and where to free a slot. */
export function LimitMeter() {
  const { data } = useSuspenseQuery(sessionQueries.list());
  // An unfiltered list's total is the count in use where the server does not say (the public API).
  const { limit } = data;
  const used = data.in_use ?? data.total;
  const full = used >= limit;
  return (
    <div className="space-y-2 text-sm">
      <p className="text-lg font-semibold" data-testid="session-limit">
        {used} of {limit} <span className="text-sm font-normal text-slate-700">sessions in use</span>
      </p>
      <meter
        aria-label="Sessions in use"
        min={0}
        max={limit}
        value={used}
        low={Math.floor(limit * 0.8)}
        high={Math.floor(limit * 0.9)}
        optimum={0}
        className="h-3 w-full max-w-md"
      />
      <p className={full ? 'font-semibold text-red-800' : 'text-slate-700'}>
        {full ? (
          <>
            <span aria-hidden="true">⚠ </span>Limit reached: a new session is refused (SESSION_LIMIT_REACHED) until you
            delete one.
          </>
        ) : (
          `${limit - used} more can be stored. Deleted sessions do not count.`
        )}
      </p>
      <Link to="/sessions" search={{ status: 'cleanup' }} className="inline-block text-blue-800 underline">
        List expired and inactive sessions (clean-up candidates)
      </Link>
    </div>
  );
}
