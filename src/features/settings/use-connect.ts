import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCredentialsStore } from '../../api/credentials-store';
import { usageMutations, usageQueries } from '../../api/usage';

/** Checks a key against the API, and keeps it only when the API accepts it. */
export function useConnect() {
  const queryClient = useQueryClient();
  const keyEntered = useCredentialsStore((state) => state.keyEntered);
  return useMutation({
    ...usageMutations.checkKey<{ apiKey: string; remember: boolean }>(),
    onSuccess: (usage, { apiKey, remember }) => {
      // Keeping a new key clears the cache, so the usage the check fetched is put back afterwards.
      keyEntered(apiKey, remember);
      // The header's plan need not ask again (each call spends the rate limit); the overview asks for its snapshot,
      // month and today read together, all the same.
      queryClient.setQueryData(usageQueries.summary().queryKey, usage);
    },
  });
}
