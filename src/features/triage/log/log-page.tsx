import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import type { RequestLogQuery } from '../../../../contract/request-log';
import { useConnectedBudget } from '../../../api/rate-limit-store';
import { QueryBoundary } from '../../../errors/query-boundary';
import { ExportButtons } from './export-buttons';
import { LiveTail, type TailState } from './live-tail';
import { LogFilters } from './log-filters';
import { LogTable } from './log-table';
import { toLogQuery, requestLogSearchSchema } from './search';
import { useLogRows } from './use-log-rows';
import { usePageSearch } from '../../../lib/route-search';

const route = getRouteApi('/triage/log');

/**
 * Every call made with the key, as support staff search it: filters in the URL (a view is a link), older pages read
 * on with the cursor as the table scrolls, new calls at the top while the live tail runs, the loaded rows exported.
 */
export function RequestLogPage() {
  const search = usePageSearch(route, requestLogSearchSchema);
  const [tailWanted, setTailWanted] = useState(true);
  const { low } = useConnectedBudget();
  const tail: TailState = search.until !== undefined ? 'ended' : !tailWanted ? 'paused' : low ? 'budget-low' : 'live';

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Request log</h1>
      <LogFilters search={search} />
      <QueryBoundary label="request log">
        <LogResults filters={toLogQuery(search)} tail={tail} onToggleTail={() => setTailWanted((wanted) => !wanted)} />
      </QueryBoundary>
    </div>
  );
}

function LogResults(props: {
  filters: Omit<RequestLogQuery, 'cursor' | 'limit'>;
  tail: TailState;
  onToggleTail: () => void;
}) {
  const { rows, arrived, ...paging } = useLogRows(props.filters, props.tail === 'live');
  return (
    <section aria-label="Requests" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <LiveTail state={props.tail} arrived={arrived} onToggle={props.onToggleTail} />
        <ExportButtons rows={rows} />
      </div>
      {rows.length === 0 && !paging.hasMore ? (
        <p className="text-sm text-slate-700">No request matches these filters.</p>
      ) : (
        <LogTable rows={rows} {...paging} />
      )}
    </section>
  );
}
