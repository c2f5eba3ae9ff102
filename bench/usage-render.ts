import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../scripts/find-chromium.mjs';

/** Where src/api/credentials-store.ts keeps a remembered key ("remember on this device"). */
const KEY_SLOT = 'scrape-dashboard.api-key';

export interface RenderTimes {
  /** ms from navigation to /usage showing its figures and every chart's table, 30 days of history. */
  usage: number[];
  /** ms from navigation to /errors showing its list: the same app, no data to wait for. */
  errors: number[];
}

/**
 * The time a connected user waits for `/usage` with 30 days of demo history, in Chromium at a laptop's size,
 * each run in a fresh context (nothing cached), interleaved with the error reference as the same run's baseline.
 */
export async function usageRenderTimes(origin: string, key: string, runs: number): Promise<RenderTimes> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium (set CHROMIUM_PATH or install chromium)');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--headless=new'] });
  const times: RenderTimes = { usage: [], errors: [] };
  try {
    const timeTo = async (path: string, ready: (page: Page) => Promise<unknown>) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(([slot, value]) => localStorage.setItem(slot!, value!), [KEY_SLOT, key]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${origin}${path}`);
      await ready(page);
      const elapsed = performance.now() - started;
      await context.close();
      return elapsed;
    };
    for (let run = 0; run < runs; run++) {
      times.usage.push(
        await timeTo('/usage', async (page) => {
          await page.getByTestId('period-net').waitFor();
          // Each chart has its table; all four drawn means the history is on the page.
          await page.locator('main table').nth(3).waitFor();
        }),
      );
      times.errors.push(await timeTo('/errors', (page) => page.getByRole('heading', { level: 1 }).waitFor()));
    }
    return times;
  } finally {
    await browser.close();
  }
}
