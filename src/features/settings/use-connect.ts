import { useMutation } from '@tanstack/react-query';
import { verifyApiKey } from '../../api/endpoints/account';
import { useCredentialsStore } from '../../api/credentials-store';

/** Checks a key against the API, and keeps it only when the API accepts it. */
export function useConnect() {
  const keyEntered = useCredentialsStore((state) => state.keyEntered);
  return useMutation({
    mutationFn: async ({ apiKey }: { apiKey: string; remember: boolean }) => verifyApiKey(apiKey),
    onSuccess: (_usage, { apiKey, remember }) => keyEntered(apiKey, remember),
  });
}
