import { performance } from 'node:perf_hooks';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(run: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await run();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`bench call failed: ${response.status}`);
  return performance.now() - started;
}

/**
 * Median latency of a tier-1 scrape of the demo web's /article through the
 * sandbox, against a direct fetch of the same page, interleaved so both see the
 * same machine. The ratio says how much the sandbox adds to the page itself.
 */
export async function scrapeLatency(api: string, demoWebUrl: string, keys: string[], rounds: number) {
  const direct: number[] = [];
  const scraped: number[] = [];
  const body = JSON.stringify({ url: `${demoWebUrl}/article`, max_tier: '1' });
  for (let round = 0; round < rounds; round++) {
    direct.push(await timed(() => fetch(`${demoWebUrl}/article`)));
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
  return { directMs: median(direct), scrapeMs: median(scraped), ratio: median(scraped) / median(direct) };
}
