import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createServer } from 'vite';
import { HISTORY_CAPACITY } from '../src/api/rate-limit-history';

import type * as PersistenceModule from '../src/api/rate-limit-persistence';
import type * as StoreModule from '../src/api/rate-limit-store';

type Store = typeof StoreModule;
type Persistence = typeof PersistenceModule;

export interface RateLimitIngest {
  samples: number;
  /** Mean cost of one sample into the store, in microseconds. */
  microsPerSample: number;
  /** Samples the store holds for the key afterwards: the ring's capacity, however many arrived. */
  kept: number;
  /** Heap growth over the run, in MiB, after a full collection: what the store keeps, not garbage not yet swept. */
  heapGrowthMiB: number;
}

/**
 * Pushes `count` header samples for one key into the one rate-limit store, as the HTTP client does on each answer
 * (each one posted on node's BroadcastChannel as to other tabs; node has no localStorage, so no writes), and reports the cost per
 * sample and whether memory stayed bounded.
 */
export async function rateLimitIngest(count = 100_000): Promise<RateLimitIngest> {
  // The dashboard's modules read Vite's import.meta.env: Vite loads them as it would for the browser.
  const vite = await createServer({
    server: { middlewareMode: true, hmr: false },
    appType: 'custom',
    logLevel: 'warn',
  });
  try {
    const store = (await vite.ssrLoadModule('/src/api/rate-limit-store.ts')) as Store;
    const persistence = (await vite.ssrLoadModule('/src/api/rate-limit-persistence.ts')) as Persistence;
    return measure(store, persistence, count);
  } finally {
    await vite.close();
  }
}

function measure(
  { keyFingerprint, useRateLimitStore }: Store,
  { flushSamples }: Persistence,
  count: number,
): RateLimitIngest {
  const fingerprint = keyFingerprint('sk_test_bench_rate_limit_ingest_000000');
  const store = useRateLimitStore.getState();
  store.historyCleared();
  // Without a collection the figure is whatever garbage the collector had not reached yet (50 MiB on one machine, 5 on
  // another): the flag lets a fresh context hand out `gc`, whatever flags node was started with.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const reset = Math.floor(Date.now() / 1000) + 60;
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    store.responseObserved(fingerprint, {
      at: Date.now(),
      limit: 500,
      remaining: 500 - (index % 500),
      reset: reset + Math.floor(index / 500) * 60,
      burst: { limit: 50, remaining: 50 - (index % 50) },
      source: index % 3 === 0 ? 'user' : 'dashboard',
      method: 'GET',
      path: '/usage',
      status: index % 97 === 0 ? 429 : 200,
      code: index % 97 === 0 ? 'RATE_LIMIT_EXCEEDED' : null,
      retryAfter: index % 97 === 0 ? 1 : null,
    });
  }
  const elapsed = performance.now() - started;
  flushSamples();
  collect();
  const kept = useRateLimitStore.getState().byKey[fingerprint]?.length ?? 0;
  const heapGrowthMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  useRateLimitStore.getState().historyCleared();
  if (kept !== Math.min(count, HISTORY_CAPACITY)) throw new Error(`the store kept ${kept} samples`);
  return { samples: count, microsPerSample: (elapsed * 1000) / count, kept, heapGrowthMiB };
}
