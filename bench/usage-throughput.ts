import autocannon from 'autocannon';

export interface Load {
  /** Successful answers a second: a 429 or an error is not throughput. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/**
 * autocannon against one URL for `seconds`, `connections` at a time. The calls rotate over `keys` (one
 * header set each) so that per-key rate limits are not what is measured; no keys for the bare route.
 */
export async function load(url: string, keys: string[], seconds: number, connections = 10): Promise<Load> {
  const requests = keys.map((key) => ({ method: 'GET' as const, headers: { 'x-api-key': key } }));
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    ...(requests.length ? { requests } : {}),
  });
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
