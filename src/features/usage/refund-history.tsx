import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { RefundEntry } from '../../../contract/usage-report';
import { fetchAllRefunds, usageReportQueries } from '../../api/usage-report';
import { ScrollRegion } from '../../components/scroll-region';
import { useFocusAfterLastPage } from '../../components/use-focus-after-last-page';
import { credits, formatDateTime } from '../../lib/format';
import { expectedLabel, refundsCsv, shownRefunds } from './refund-rows';
import { REFUND_SORTS, type RefundSort, usageSearchSchema } from './search';
import { useReportZone } from './zone';
import { usePageSearch } from '../../lib/route-search';
import { BusyButton } from '../../components/busy-button';

const route = getRouteApi('/usage');

const SORT_LABELS: Record<RefundSort, string> = {
  at: 'When',
  request: 'Request',
  code: 'Code',
  credits: 'Credits refunded',
};

/** The ledger's refunds with the policy's verdict: filtered and sorted by the URL, exported as CSV. */
export function RefundHistory() {
  const search = usePageSearch(route, usageSearchSchema);
  const { query: zoneQuery } = useReportZone();
  const zoneAndFilters = {
    ...zoneQuery,
    code: search.code,
    mismatch: search.mismatch,
    from: search.day,
    to: search.day,
  };
  const query = { ...zoneAndFilters, limit: 100 };
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(
    usageReportQueries.refunds(query),
  );
  const view = { sort: search.sort ?? 'at', dir: search.dir ?? 'desc' } as const;
  const rows = shownRefunds(
    data.pages.flatMap((page) => page.refunds),
    view,
  );
  const { from, to, time_zone } = data.pages[0]!;
  // The focus of "Load more refunds" goes to the sentence that replaces it.
  const { target: end, button: loadMore } = useFocusAfterLastPage<HTMLParagraphElement>(hasNextPage);

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700" aria-live="polite" data-testid="refund-count">
        {rows.length} {rows.length === 1 ? 'refund' : 'refunds'} from {from} to {to} ({time_zone})
        {hasNextPage ? ', more to load' : ''}. Mismatches are marked “Mismatch”.
      </p>
      <ExportButton query={zoneAndFilters} view={view} />
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">No refunds match these filters.</p>
      ) : (
        <ScrollRegion label="Refund history, table" className="relative max-h-[32rem] overflow-y-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Refunds, with whether the refund policy expects each</caption>
            <thead className="border-b border-slate-300 text-slate-700">
              <tr>
                {REFUND_SORTS.map((sort) => (
                  <SortHeader key={sort} sort={sort} current={view.sort} dir={view.dir} />
                ))}
                <th scope="col" className="py-2 pr-4 font-medium">
                  Domain
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Refund expected by the policy
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((refund) => (
                <RefundRow key={refund.id} refund={refund} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {hasNextPage && (
        <BusyButton
          busy={isFetchingNextPage}
          onClick={() => void fetchNextPage()}
          ref={loadMore}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
        >
          {isFetchingNextPage ? 'Loading…' : 'Load more refunds'}
        </BusyButton>
      )}
      {!hasNextPage && data.pages.length > 1 && (
        <p ref={end} tabIndex={-1} className="text-sm text-slate-700">
          That is every refund of the period.
        </p>
      )}
    </div>
  );
}

function SortHeader({ sort, current, dir }: { sort: RefundSort; current: RefundSort; dir: 'asc' | 'desc' }) {
  const active = sort === current;
  const next = active && dir === 'desc' ? 'asc' : 'desc';
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
      className={`py-2 pr-4 font-medium ${sort === 'credits' ? 'text-right' : ''}`}
    >
      <Link
        from="/usage"
        search={(prev) => ({
          ...prev,
          sort: sort === 'at' ? undefined : sort,
          dir: next === 'desc' ? undefined : next,
        })}
        resetScroll={false}
        className="underline decoration-dotted"
      >
        {SORT_LABELS[sort]}
        {active && <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        <span className="sr-only">: sort {next === 'asc' ? 'ascending' : 'descending'}</span>
      </Link>
    </th>
  );
}

function RefundRow({ refund }: { refund: RefundEntry }) {
  return (
    <tr className={`border-b border-slate-100 ${refund.mismatch ? 'bg-amber-50' : ''}`}>
      <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(refund.at)}</td>
      <td className="py-2 pr-4 font-mono text-xs">{refund.request_id ?? '—'}</td>
      <td className="py-2 pr-4">
        {refund.code ? (
          <Link to="/errors/$code" params={{ code: refund.code }} className="font-mono text-red-800 underline">
            {refund.code}
          </Link>
        ) : (
          '—'
        )}
      </td>
      <td className="py-2 pr-4 text-right tabular-nums">{credits(refund.credits)}</td>
      <td className="py-2 pr-4 font-mono text-xs">{refund.domain ?? '—'}</td>
      <td className="py-2 pr-4">
        {expectedLabel(refund)}
        {refund.mismatch && <strong className="ml-2 text-amber-900">⚠ Mismatch</strong>}
      </td>
    </tr>
  );
}

/** Every refund the filters match (not only the loaded pages), in the table's order, as a CSV file. */
function ExportButton(props: {
  query: Parameters<typeof fetchAllRefunds>[0];
  view: Parameters<typeof shownRefunds>[1];
}) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const onExport = async () => {
    setState('busy');
    try {
      const csv = refundsCsv(shownRefunds(await fetchAllRefunds(props.query), props.view));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = 'refunds.csv';
      link.click();
      // Revoked once the browser has taken the file, not before.
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <p className="text-sm">
      <button
        type="button"
        onClick={() => void onExport()}
        disabled={state === 'busy'}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
      >
        {state === 'busy' ? 'Exporting…' : 'Export as CSV'}
      </button>
      {state === 'failed' && (
        <span role="alert" className="ml-2 text-red-800">
          The export failed; try again.
        </span>
      )}
    </p>
  );
}
