import type { QueryClient } from '@tanstack/react-query';
import { onCredentialsChange } from '../api/credentials-store';
import { useRateLimitStore } from '../api/rate-limit-store';

/** Another key or server means other data and other limits: from then on, the app starts from nothing. */
export function startFreshOnCredentialsChange(queryClient: QueryClient): () => void {
  return onCredentialsChange(() => {
    queryClient.clear();
    useRateLimitStore.getState().historyCleared();
  });
}
