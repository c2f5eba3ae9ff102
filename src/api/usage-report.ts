import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  refundListSchema,
  usageDaysSchema,
  usageDomainsSchema,
  usageTiersSchema,
  type RefundEntry,
  type RefundListQuery,
  type UsageReportQuery,
} from '../../contract/usage-report';
import { request } from './http-client';

/** The `/usage` page's reports (ours): GET /usage-report/days, tiers, domains and refunds. */
export const usageReportQueries = {
  all: () => ['usage-report'] as const,
  days: (query: UsageReportQuery) =>
    queryOptions({
      queryKey: [...usageReportQueries.all(), 'days', query],
      queryFn: ({ signal }) => request(usageDaysSchema, '/usage-report/days', { query, signal }).then((r) => r.data),
    }),
  tiers: (query: UsageReportQuery) =>
    queryOptions({
      queryKey: [...usageReportQueries.all(), 'tiers', query],
      queryFn: ({ signal }) => request(usageTiersSchema, '/usage-report/tiers', { query, signal }).then((r) => r.data),
    }),
  domains: (query: UsageReportQuery) =>
    queryOptions({
      queryKey: [...usageReportQueries.all(), 'domains', query],
      queryFn: ({ signal }) =>
        request(usageDomainsSchema, '/usage-report/domains', { query, signal }).then((r) => r.data),
    }),
  /** Newest first, a page at a time. */
  refunds: (query: Omit<RefundListQuery, 'cursor'>) =>
    infiniteQueryOptions({
      queryKey: [...usageReportQueries.all(), 'refunds', query],
      queryFn: ({ signal, pageParam }) =>
        request(refundListSchema, '/usage-report/refunds', { query: { ...query, cursor: pageParam }, signal }).then(
          (r) => r.data,
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
};

/** Every refund the query matches, page after page, for an export. */
export async function fetchAllRefunds(query: Omit<RefundListQuery, 'cursor' | 'limit'>): Promise<RefundEntry[]> {
  const refunds: RefundEntry[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await request(refundListSchema, '/usage-report/refunds', {
      query: { ...query, cursor, limit: 500 },
      source: 'user',
    });
    refunds.push(...data.refunds);
    cursor = data.next_cursor ?? undefined;
  } while (cursor);
  return refunds;
}
