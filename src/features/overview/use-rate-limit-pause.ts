import { notifyManager, useQueryClient, type Query, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { isApiError } from '../../api/api-error';
import { retryDecision } from '../../errors/retry-decision';

export interface RateLimitPause {
  /** When sending again is expected to work (ms since the epoch), fixed when the failure happened. */
  retryAt: number;
  code: string;
  /** Which limit refused: the second's burst is a pause of a moment, not a spent minute. */
  window: 'minute' | 'second';
}

const windowOf = (error: { details?: Record<string, unknown> | undefined }): RateLimitPause['window'] =>
  error.details?.window === 'second' ? 'second' : 'minute';

const startsWith = (key: QueryKey, prefix: QueryKey) => prefix.every((part, index) => key[index] === part);

/** When a query that has nothing to show failed on the rate limit, the time to try again; else null. */
function pauseOf(query: Query): RateLimitPause | null {
  const { status, data, error, errorUpdatedAt } = query.state;
  if (status !== 'error' || data !== undefined || !isApiError(error)) return null;
  const decision = retryDecision(error, 1, new Date(errorUpdatedAt));
  return decision.kind === 'wait' && decision.reason === 'rate-limit'
    ? { retryAt: decision.retryAt, code: error.code, window: windowOf(error) }
    : null;
}

/**
 * Whether the page's queries (those under `prefixes`) are held up by the rate limit: one answer for the page, so
 * it can show one notice instead of a failure per panel. At the reset, the held-up queries are fetched again by
 * themselves; until then nothing is sent, since another call before the reset would only earn another 429.
 */
export function useRateLimitPause(prefixes: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const held = useCallback(
    () => cache.findAll().filter((query) => prefixes.some((prefix) => startsWith(query.queryKey, prefix))),
    [cache, prefixes],
  );
  // The cache tells of a query as soon as a component's render creates it: told later, in react-query's own batch
  // (as its useIsFetching is), so this page is not updated while another component renders.
  const subscribe = useCallback((notify: () => void) => cache.subscribe(notifyManager.batchCalls(notify)), [cache]);
  // A string, so the snapshot compares by value: the latest reset among the held-up queries, its code and window.
  const snapshot = useSyncExternalStore(subscribe, () => {
    const pauses = held().flatMap((query) => pauseOf(query) ?? []);
    const latest = pauses.reduce<RateLimitPause | null>((a, b) => (a && a.retryAt >= b.retryAt ? a : b), null);
    return latest ? `${latest.retryAt} ${latest.code} ${latest.window}` : '';
  });
  const [retryAtText, code = '', window = 'minute'] = snapshot.split(' ');
  const retryAt = snapshot ? Number(retryAtText) : null;

  const retryHeld = useCallback(() => {
    for (const query of held()) {
      if (pauseOf(query)) void queryClient.refetchQueries({ queryKey: query.queryKey, exact: true });
    }
  }, [held, queryClient]);

  useEffect(() => {
    if (retryAt === null) return;
    const timer = setTimeout(retryHeld, Math.max(0, retryAt - Date.now()));
    return () => clearTimeout(timer);
  }, [retryAt, retryHeld]);

  const pause: RateLimitPause | null =
    retryAt === null ? null : { retryAt, code, window: window === 'second' ? 'second' : 'minute' };
  return { pause, retryHeld };
}
