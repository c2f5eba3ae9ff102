import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { usageReportQueries } from '../../api/usage-report';
import { ColumnHeaders } from '../../components/column-headers';
import { ScrollRegion } from '../../components/scroll-region';
import { formatNumber } from '../../lib/format';
import { errorsByCode, tierRows } from './chart-data';
import { ErrorCodeChart, TierChart } from './lazy-charts';
import { useReportZone } from './zone';

const TIER_COLUMNS = [
  { label: 'Tier' },
  { label: 'Scrapes', align: 'right' },
  { label: 'Charged', align: 'right' },
  { label: 'Refunded', align: 'right' },
  { label: 'Net', align: 'right' },
] as const;

/** Credits by the tier that ran: the chart and its table. */
export function CreditsByTier() {
  const { query } = useReportZone();
  const { data } = useSuspenseQuery(usageReportQueries.tiers(query));
  const rows = tierRows(data.tiers);
  if (rows.length === 0) return <p className="text-sm text-slate-700">No scrapes in this period.</p>;
  return (
    <div className="space-y-3">
      <TierChart rows={rows} />
      <ScrollRegion label="Credits by tier, table" className="relative">
        <table className="w-full text-left text-sm">
          <caption className="py-1 text-left text-sm font-medium">Credits by tier</caption>
          <ColumnHeaders columns={TIER_COLUMNS} cellClassName="py-1 pr-4" />
          <tbody>
            {rows.map((row) => (
              <tr key={row.tier} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-4 font-normal">
                  {row.label}
                </th>
                {[row.requests, row.credits_charged, row.credits_refunded, row.net].map((value, index) => (
                  <td key={TIER_COLUMNS[index + 1]!.label} className="py-1 pr-4 text-right tabular-nums">
                    {formatNumber(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

/** The period's errors by code, most frequent first: the chart and its table, each code linked to its guidance. */
export function ErrorsByCode() {
  const { query } = useReportZone();
  const { data } = useSuspenseQuery(usageReportQueries.days(query));
  const rows = errorsByCode(data.days);
  if (rows.length === 0) return <p className="text-sm text-slate-700">No errors in this period.</p>;
  return (
    <div className="space-y-3">
      <ErrorCodeChart rows={rows} />
      <ScrollRegion label="Errors by code, table" className="relative">
        <table className="w-full text-left text-sm">
          <caption className="py-1 text-left text-sm font-medium">Errors by code</caption>
          <ColumnHeaders
            columns={[{ label: 'Code' }, { label: 'Scrapes', align: 'right' }]}
            cellClassName="py-1 pr-4"
          />
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-4 font-normal">
                  <Link to="/errors/$code" params={{ code: row.code }} className="font-mono text-red-800 underline">
                    {row.code}
                  </Link>
                </th>
                <td className="py-1 pr-4 text-right tabular-nums">{formatNumber(row.requests)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
