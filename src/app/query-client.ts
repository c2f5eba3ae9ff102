import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { retryOptions } from '../api/query-retry';
import { connectedBudgetIsLow } from '../api/rate-limit-store';
import { useNoticeStore } from '../components/notice-store';

/** Data already on screen is refreshed only while the key's minute has room; a first load always goes. */
const budgetAllows = () => !connectedBudgetIsLow();

/**
 * The dashboard's own calls spend the user's rate limit, so it refetches frugally: no refetch on focus, data fresh
 * for 30 s, no refresh of data on screen while the budget is low (until the window resets: the user's own calls
 * come first), and retries as retryDecision says except that a 429 is not waited out. When a background refresh of
 * data already on screen fails, the screen keeps the data and a notice says what happened, so a 429 the user did
 * not cause is never silent.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data === undefined || !isApiError(error)) return;
        useNoticeStore.getState().noticeRaised({
          // One limit for every query: its 429s are one notice, not one per panel.
          id: error.status === 429 ? 'background-rate-limit' : `background-${query.queryHash}`,
          tone: 'warning',
          text:
            error.status === 429
              ? `The dashboard's own background refresh hit the rate limit (${error.code}); what you see may be a little old.`
              : `A background refresh failed (${error.code}); what you see may be a little old.`,
        });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        refetchOnMount: budgetAllows,
        refetchOnReconnect: budgetAllows,
        ...retryOptions({ waitOutRateLimit: false }),
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
