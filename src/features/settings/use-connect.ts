import { useMutation, useQueryClient } from '@tanstack/react-query';
import { verifyApiKey } from '../../api/endpoints/account';
import { useCredentialsStore } from '../../api/credentials-store';
import { usageQueries } from '../../api/queries';

/** Checks a key against the API, and keeps it only when the API accepts it. */
export function useConnect() {
  const queryClient = useQueryClient();
  const keyEntered = useCredentialsStore((state) => state.keyEntered);
  return useMutation({
    mutationFn: async ({ apiKey }: { apiKey: string; remember: boolean }) => verifyApiKey(apiKey),
    onSuccess: (usage, { apiKey, remember }) => {
      keyEntered(apiKey, remember);
      // The check already fetched the usage: the overview need not ask again (each call spends the rate limit).
      queryClient.setQueryData(usageQueries.summary().queryKey, usage);
    },
  });
}
