import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';
import { request } from './http-client';

// The demo accounts are on the first screen: the schemas load beside the call (see SchemaSource).
const contract = () => import('../../contract/sandbox');
const sandboxInfoSchema = () => contract().then((module) => module.sandboxInfoSchema);
const sandboxResetResponseSchema = () => contract().then((module) => module.sandboxResetResponseSchema);

/** The sandbox's own description (ours). The real API has none: a 404 there means "not a sandbox". */
async function getSandboxInfo(signal?: AbortSignal) {
  try {
    return (await request(sandboxInfoSchema, '/sandbox/info', { signal, apiKey: null })).data;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export const sandboxQueries = {
  info: () =>
    queryOptions({
      queryKey: ['sandbox', 'info'],
      queryFn: ({ signal }) => getSandboxInfo(signal),
      staleTime: Infinity,
    }),
  /**
   * The same question put to an address just saved (the client sends to the saved one): asked once, keyed by the
   * address, so what an earlier address answered is never taken for this one's answer.
   */
  check: (apiBase: string) =>
    queryOptions({
      queryKey: ['sandbox', 'check', apiBase],
      queryFn: ({ signal }) => getSandboxInfo(signal),
      staleTime: 0,
      gcTime: 0,
      retry: false,
    }),
};

export const sandboxMutations = {
  /** Every account's data back to a new sandbox's: everything the dashboard shows is asked for again. */
  reset: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: ['sandbox', 'reset'],
      mutationFn: () =>
        request(sandboxResetResponseSchema, '/sandbox/reset', { method: 'POST', apiKey: null, source: 'user' }).then(
          (r) => r.data,
        ),
      onSuccess: () => queryClient.invalidateQueries(),
    }),
};
