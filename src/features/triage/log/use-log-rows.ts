import { useQuery, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { RequestLogEntry, RequestLogPage, RequestLogQuery } from '../../../../contract/request-log';
import { requestLogPages, requestQueries } from '../../../api/requests';

const PAGE_SIZE = 100;
/** How often the live tail reads the newest page: fresh enough to watch a retry land, a dozen calls a minute. */
export const TAIL_EVERY_MS = 5_000;

/** Newest first, each request once: the tail's newest page and the pages read so far overlap. */
function merge(newest: readonly RequestLogEntry[], pages: readonly RequestLogPage[]): RequestLogEntry[] {
  const seen = new Set<string>();
  const rows: RequestLogEntry[] = [];
  for (const entry of [...newest, ...pages.flatMap((page) => page.requests)]) {
    if (seen.has(entry.request_id)) continue;
    seen.add(entry.request_id);
    rows.push(entry);
  }
  // Stable, so requests of the same instant keep the API's order.
  return rows.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/**
 * The log's rows for the URL's filters: pages read on with the cursor, and while `live`, the newest page read again
 * every few seconds so new calls appear at the top. More than a page of calls between two reads would leave a gap
 * until a reload; the tail is for watching, the cursor for reading back.
 */
export function useLogRows(filters: Omit<RequestLogQuery, 'cursor' | 'limit'>, live: boolean) {
  const query = { ...filters, limit: PAGE_SIZE };
  const pages = useSuspenseInfiniteQuery(requestLogPages(query));
  const firstPage = pages.data.pages[0];
  const tail = useQuery({
    ...requestQueries.list(query),
    enabled: live,
    refetchInterval: live ? TAIL_EVERY_MS : false,
    // The first page just read is the tail's starting point: turning the tail on does not read it twice.
    initialData: firstPage,
    initialDataUpdatedAt: pages.dataUpdatedAt,
    staleTime: TAIL_EVERY_MS,
  });
  const newest = tail.data?.requests;
  const rows = useMemo(() => merge(newest ?? [], pages.data.pages), [newest, pages.data.pages]);
  const { fetchNextPage } = pages;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const lastPage = pages.data.pages.at(-1);
  const read = pages.data.pages.reduce((count, page) => count + page.requests.length, 0);
  return {
    rows,
    /** Requests the tail brought that the pages read did not hold: what arrived while the log was open. */
    arrived: rows.length - read,
    hasMore: pages.hasNextPage,
    /** The last page read held nothing (a scan stopped at its limit): reading on is the user's choice, not automatic. */
    lastPageEmpty: lastPage !== undefined && lastPage.requests.length === 0,
    loadMore,
    loadingMore: pages.isFetchingNextPage,
  };
}
