import { useSuspenseQuery } from '@tanstack/react-query';
import { usageReportQueries } from '../../api/usage-report';
import { ColumnHeaders } from '../../components/column-headers';
import { ScrollRegion } from '../../components/scroll-region';
import { formatNumber, formatPercent } from '../../lib/format';
import { useReportZone } from './zone';

const COLUMNS = [
  { label: 'Domain' },
  { label: 'Scrapes', align: 'right' },
  { label: 'Success rate', align: 'right' },
  { label: 'Charged', align: 'right' },
  { label: 'Refunded', align: 'right' },
  { label: 'Net cost', align: 'right' },
  { label: 'Average tier', align: 'right' },
] as const;

/** What each target host cost in the period, the costliest first, as the API sorts them. */
export function DomainsTable() {
  const { query } = useReportZone();
  const { data } = useSuspenseQuery(usageReportQueries.domains(query));
  if (data.domains.length === 0) return <p className="text-sm text-slate-700">No scrapes in this period.</p>;
  return (
    <ScrollRegion label="Cost per domain, table" className="relative">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Cost per target domain, the costliest first</caption>
        <ColumnHeaders columns={COLUMNS} cellClassName="py-2 pr-4" />
        <tbody>
          {data.domains.map((domain) => (
            <tr key={domain.domain} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-4 font-mono font-normal">
                {domain.domain}
              </th>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(domain.requests)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(domain.success_rate)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(domain.credits_charged)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(domain.credits_refunded)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(domain.credits_net)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {domain.average_tier === null ? '—' : domain.average_tier.toFixed(1)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
