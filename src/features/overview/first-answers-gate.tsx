import { useQueries } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { usePageSearch } from '../../lib/route-search';
import { DEFAULT_CALLS, overviewFirstQueries } from './first-queries';
import { overviewSearchSchema } from './search';

const route = getRouteApi('/');

/**
 * The overview's panels appear together, once the first answer of each (data or error) is in: a panel above that
 * grew when its data arrived would push the ones below it down (a layout shift on every connected load). Only the
 * first load waits; a later refetch or the calls toggle keeps the panels on the page.
 */
export function FirstAnswersGate({ children }: { children: ReactNode }) {
  const { calls: origin = DEFAULT_CALLS } = usePageSearch(route, overviewSearchSchema);
  // The same queries the panels read, so the calls are shared, not repeated.
  const pending = useQueries({
    queries: overviewFirstQueries(origin),
    combine: (results) => results.some((result) => result.isPending && result.fetchStatus !== 'idle'),
  });
  // Answers already in (a return to the overview): the panels at once.
  const [shown, setShown] = useState(!pending);
  // Else in a transition once they come: the panels' first render is React's in slices, not one task that holds a
  // slow phone.
  useEffect(() => {
    if (!pending && !shown) startTransition(() => setShown(true));
  }, [pending, shown]);
  if (!shown) return <p className="text-sm text-slate-600">Loading the overview…</p>;
  return children;
}
