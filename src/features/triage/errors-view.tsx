import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { ErrorGroup } from '../../../contract/request-detail';
import { requestQueries } from '../../api/requests';
import { ColumnHeaders } from '../../components/column-headers';
import { Panel } from '../../components/panel';
import { ScrollRegion } from '../../components/scroll-region';
import { BreakableCode } from '../../components/breakable-code';
import { QueryBoundary } from '../../errors/query-boundary';
import { credits, formatNumber } from '../../lib/format';
import { DEFAULT_PERIOD, ERROR_PERIODS, periodOf, triageSearchSchema } from './search';
import { Sparkline } from './sparkline';
import { usePageSearch } from '../../lib/route-search';

const route = getRouteApi('/triage');

const GROUP_LABEL = { code_domain: 'Code and domain', code: 'Code', domain: 'Domain' } as const;
const PERIOD_LABEL = (days: number) => (days === 1 ? 'Today' : `Last ${days} days`);

/**
 * Failures grouped by code and target host over a period, most first, each with its refunds and a trend, and each
 * opening the request log filtered to it (Stripe's Errors tab is the model). The period and grouping live in the URL.
 */
export function ErrorsView() {
  const search = usePageSearch(route, triageSearchSchema);
  const navigate = route.useNavigate();
  const days = search.days ?? DEFAULT_PERIOD;
  const group = search.group ?? 'code_domain';
  // Fixed when the page opens, so the period (and its query) does not move while it is read.
  const [now] = useState(() => new Date());
  const period = periodOf(days, now);

  return (
    <Panel title="Errors by code and domain">
      <form className="mb-3 flex flex-wrap gap-4 text-sm" onSubmit={(event) => event.preventDefault()}>
        <label className="flex items-center gap-2">
          Period
          <select
            value={days}
            onChange={(event) =>
              void navigate({ search: (prev) => ({ ...prev, days: Number(event.target.value) as typeof days }) })
            }
            className="rounded-md border border-slate-400 px-2 py-1"
          >
            {ERROR_PERIODS.map((option) => (
              <option key={option} value={option}>
                {PERIOD_LABEL(option)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          Group by
          <select
            value={group}
            onChange={(event) =>
              void navigate({ search: (prev) => ({ ...prev, group: event.target.value as typeof group }) })
            }
            className="rounded-md border border-slate-400 px-2 py-1"
          >
            {Object.entries(GROUP_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </form>
      <QueryBoundary label="errors">
        <ErrorGroups
          since={period.since}
          until={period.until}
          group={group}
          firstDay={period.firstDay}
          dayAfter={period.dayAfter}
        />
      </QueryBoundary>
    </Panel>
  );
}

interface GroupsProps {
  since: string;
  until: string;
  group: keyof typeof GROUP_LABEL;
  firstDay: string;
  dayAfter: string;
}

function ErrorGroups({ since, until, group, firstDay, dayAfter }: GroupsProps) {
  const { data } = useSuspenseQuery(requestQueries.errors({ since, until, group }));
  if (data.groups.length === 0) {
    return <p className="text-sm text-slate-700">No failures in this period.</p>;
  }
  const columns = [
    ...(group === 'domain' ? [] : [{ label: 'Code' }]),
    ...(group === 'code' ? [] : [{ label: 'Domain' }]),
    { label: 'Failures', align: 'right' as const },
    { label: 'Refunded', align: 'right' as const },
    { label: 'Trend' },
    { label: 'Requests' },
  ];
  return (
    <ScrollRegion label="Failure groups">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          Failures from {firstDay} to the day before {dayAfter}, grouped by {GROUP_LABEL[group].toLowerCase()}
        </caption>
        <ColumnHeaders columns={columns} cellClassName="px-2 py-2" />
        <tbody>
          {data.groups.map((row) => (
            <tr key={`${row.code}|${row.domain}`} className="border-b border-slate-100">
              {group !== 'domain' && (
                <td className="px-2 py-2 font-mono wrap-break-word">{row.code && <BreakableCode text={row.code} />}</td>
              )}
              {group !== 'code' && (
                <td className="px-2 py-2 wrap-break-word">
                  <BreakableCode text={domainLabel(row.domain) ?? ''} />
                </td>
              )}
              <td className="px-2 py-2 text-right tabular-nums">{formatNumber(row.count)}</td>
              <td className="px-2 py-2 text-right tabular-nums">{credits(row.refunded_credits)}</td>
              <td className="px-2 py-2">
                <Sparkline counts={row.trend} days={data.days} />
              </td>
              <td className="px-2 py-2">
                <Link
                  to="/triage/log"
                  search={logSearch(row, firstDay, dayAfter)}
                  className="whitespace-nowrap text-blue-800 underline"
                  aria-label={`Open the ${formatNumber(row.count)} ${groupName(row)} failures in the request log`}
                >
                  Open in the log
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const domainLabel = (domain: string | null) => (domain === '' ? 'no target' : domain);
const groupName = (row: ErrorGroup) => [row.code, domainLabel(row.domain)].filter(Boolean).join(' on ');

/** The log's filters for one group: its code, its host (a call without a target has none to filter by), its days. */
function logSearch(row: ErrorGroup, since: string, until: string) {
  return {
    code: row.code ?? undefined,
    domain: row.domain || undefined,
    since,
    until,
    origin: 'all' as const,
  };
}
