import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { usageQueries } from '../../api/usage';
import { formatNumber } from '../../lib/format';

/** Today (UTC, the server's day): what was spent, what came back, and which errors happened. */
export function TodaySummary() {
  const { data } = useSuspenseQuery(usageQueries.daily(1));
  // days=1 asks for the server's current day only, so the one entry (if any) is today's.
  const today = data.at(-1);
  const errors = Object.entries(today?.errors ?? {}).sort(([, a], [, b]) => b - a);
  const facts = [
    { label: 'Requests today', value: today?.requests ?? 0, testId: 'requests-today' },
    { label: 'Credits charged today', value: today?.credits_charged ?? 0, testId: 'charged-today' },
    { label: 'Refunds today', value: today?.credits_refunded ?? 0, testId: 'refunds-today' },
    { label: 'Cache hits today', value: today?.cache_hits ?? 0, testId: 'cache-hits-today' },
  ];
  return (
    <div className="space-y-3">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {facts.map((fact) => (
          <div key={fact.label}>
            <dt className="text-sm text-slate-600">{fact.label}</dt>
            <dd className="text-lg font-semibold" data-testid={fact.testId}>
              {formatNumber(fact.value)}
            </dd>
          </div>
        ))}
      </dl>
      {errors.length === 0 ? (
        <p className="text-sm text-slate-700">No errors today.</p>
      ) : (
        <div className="text-sm">
          <p className="font-medium">Errors today</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {errors.map(([code, count]) => (
              <li key={code}>
                <Link to="/errors/$code" params={{ code }} className="font-mono text-red-800 underline">
                  {code}
                </Link>{' '}
                × {count}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
