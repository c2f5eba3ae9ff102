import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { request } from './http-client';

// The meter and the key check are on the first screen: their schemas load beside the call (see SchemaSource).
const contract = () => import('../../contract/usage');
const usageSchema = () => contract().then((module) => module.usageSchema);
const dailyUsageListSchema = () => contract().then((module) => module.dailyUsageListSchema);

/** Query keys from general to specific; fetchers beside them (TkDodo, "The Query Options API"). */
export const usageQueries = {
  all: () => ['usage'] as const,
  summary: () =>
    queryOptions({
      queryKey: [...usageQueries.all(), 'summary'],
      queryFn: ({ signal }) => request(usageSchema, '/usage', { signal }).then((r) => r.data),
    }),
  /** GET /usage/daily (ours): one entry per UTC day with activity. */
  daily: (days: number) =>
    queryOptions({
      queryKey: [...usageQueries.all(), 'daily', days],
      queryFn: ({ signal }) =>
        request(dailyUsageListSchema, '/usage/daily', { query: { days }, signal }).then((r) => r.data),
    }),
  /**
   * This month and today, asked at once: the overview's first frame waits for one round trip, not two. A call
   * answered between the two reads counts in one of them only, so a view that sets them side by side shows the month
   * at no less than today (usage-totals.tsx).
   */
  snapshot: () =>
    queryOptions({
      queryKey: [...usageQueries.all(), 'snapshot'],
      queryFn: async ({ signal, client }) => {
        const [days, usage] = await Promise.all([
          request(dailyUsageListSchema, '/usage/daily', { query: { days: 1 }, signal }),
          request(usageSchema, '/usage', { signal }),
        ]);
        // The freshest usage there is: whatever shows the summary (the plan in the header) shows this one.
        client.setQueryData(usageQueries.summary().queryKey, usage.data);
        // days=1 asks for the server's current day only, so the one entry (if any) is today's.
        return { usage: usage.data, today: days.data.at(-1) ?? null };
      },
    }),
};

export const usageMutations = {
  /**
   * Checks a key before the dashboard keeps it: the usage call either answers or says why not. The caller's
   * variables may say more (how to keep the key); only the key is sent.
   */
  checkKey: <Variables extends { apiKey: string }>() =>
    mutationOptions({
      mutationKey: [...usageQueries.all(), 'check-key'],
      mutationFn: ({ apiKey }: Variables) =>
        request(usageSchema, '/usage', { apiKey, source: 'user' }).then((r) => r.data),
    }),
};
