import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { usageQueries } from '../../api/usage';
import { formatNumber } from '../../lib/format';

/**
 * Today (UTC, the server's day) beside this billing period: what was asked, what was charged before refunds, what
 * came back, and what it cost after them; then today's errors. The two are read at once, and a call answered between
 * the reads (the overview's own, or a scrape elsewhere) may count in today's only: the month, which includes today,
 * shows at least today's figure. It is then still no more than the month's true figure at the later read.
 */
export function UsageTotals() {
  const { usage, today } = useSuspenseQuery(usageQueries.snapshot()).data;
  const todayRequests = today?.requests ?? 0;
  const todayCharged = today?.credits_charged ?? 0;
  const todayRefunded = today?.credits_refunded ?? 0;
  const rows = [
    {
      label: 'Requests',
      today: todayRequests,
      month: Math.max(usage.requests_month, todayRequests),
      ids: ['requests-today', 'requests-month'],
    },
    {
      label: 'Credits charged, before refunds',
      today: todayCharged,
      month: Math.max(usage.credits_used_month, todayCharged),
      ids: ['charged-today', 'credits-used'],
    },
    {
      label: 'Credits refunded',
      today: todayRefunded,
      month: Math.max(usage.credits_refunded_month, todayRefunded),
      ids: ['refunds-today', 'credits-refunded'],
    },
    {
      label: 'Credits spent, after refunds',
      today: todayCharged - todayRefunded,
      month: Math.max(usage.credits_used_month - usage.credits_refunded_month, todayCharged - todayRefunded),
      ids: ['net-today', 'net-month'],
    },
  ] as const;
  const errors = Object.entries(today?.errors ?? {}).sort(([, a], [, b]) => b - a);

  return (
    <div className="space-y-3">
      <table className="w-full max-w-xl text-left text-sm">
        <caption className="sr-only">Use today and this billing period</caption>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              <span className="sr-only">Measure</span>
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Today
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              This month
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-4 font-medium">
                {row.label}
              </th>
              <td className="py-2 pr-4 text-right text-base font-semibold tabular-nums" data-testid={row.ids[0]}>
                {formatNumber(row.today)}
              </td>
              <td className="py-2 text-right text-base font-semibold tabular-nums" data-testid={row.ids[1]}>
                {formatNumber(row.month)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-slate-700">Cache hits today (free): {formatNumber(today?.cache_hits ?? 0)}</p>
      {errors.length === 0 ? (
        <p className="text-sm text-slate-700">No errors today.</p>
      ) : (
        <div className="text-sm">
          <p className="font-medium">Errors today</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {errors.map(([code, count]) => (
              <li key={code}>
                <Link to="/errors/$code" params={{ code }} className="font-mono break-all text-red-800 underline">
                  {code}
                </Link>{' '}
                ×{' '}
                <Link
                  to="/triage/log"
                  search={{ code, since: today?.date, origin: 'all' }}
                  className="text-blue-800 underline"
                  aria-label={`${count} ${code} today: open them in the request log`}
                >
                  {count}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
