import { performance } from 'node:perf_hooks';
import { median } from './stats';

/** The medians of one run of interleaved pairs, in ms. */
export interface ScrapeLatency {
  directMs: number;
  scrapeMs: number;
  addedMs: number;
}

async function timed(run: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await run();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`bench call failed: ${response.status}`);
  return performance.now() - started;
}

/**
 * Median latency of a tier-1 scrape of a demo-web page through the sandbox,
 * against a direct fetch of the same page, interleaved so both see the same
 * machine: what the sandbox adds to fetching the page itself.
 */
export async function scrapeLatency(
  api: string,
  demoWebUrl: string,
  keys: string[],
  rounds: number,
  path = '/article',
): Promise<ScrapeLatency> {
  const direct: number[] = [];
  const scraped: number[] = [];
  const body = JSON.stringify({ url: `${demoWebUrl}${path}`, max_tier: '1' });
  for (let round = 0; round < rounds; round++) {
    direct.push(await timed(() => fetch(`${demoWebUrl}${path}`)));
    const key = keys[round % keys.length]!;
    scraped.push(
      await timed(() =>
        fetch(`${api}/scrape`, {
          method: 'POST',
          headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
          body,
        }),
      ),
    );
  }
  const [directMs, scrapeMs] = [median(direct), median(scraped)];
  return { directMs, scrapeMs, addedMs: scrapeMs - directMs };
}
