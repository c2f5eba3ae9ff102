import { performance } from 'node:perf_hooks';

/**
 * Bounded load on GET /usage: `total` calls, `concurrency` at a time, each with a fresh
 * account's key so the per-key limit is what is measured, not the bench's own key running dry.
 */
export async function usageThroughput(api: string, keys: string[], total: number, concurrency: number) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        const key = keys[index % keys.length]!;
        const t0 = performance.now();
        const response = await fetch(`${api}/usage`, { headers: { 'X-API-Key': key } });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: total / seconds,
    p50Ms: latencies[Math.floor(latencies.length / 2)]!,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)]!,
    statuses: Object.fromEntries(statuses),
  };
}
