import type { QueryClient } from '@tanstack/react-query';
import { useCredentialsStore } from '../api/credentials-store';
import { useRateLimitStore } from '../api/rate-limit-store';

/** Another key or server means other data and other limits: from then on, the app starts from nothing. */
export function startFreshOnCredentialsChange(queryClient: QueryClient): () => void {
  return useCredentialsStore.subscribe((next, previous) => {
    if (next.apiKey === previous.apiKey && next.apiBase === previous.apiBase) return;
    queryClient.clear();
    useRateLimitStore.getState().historyCleared();
  });
}
