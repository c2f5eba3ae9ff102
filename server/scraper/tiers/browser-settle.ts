import type { Page } from 'playwright-core';
import type { WaitUntil } from '../../../contract/scrape-request';
import { ScrapeFailure } from '../scrape-failure';

/** Long enough for a page's load, script-written content and a challenge's reload; past it the page is read as is. */
const SETTLE_CAP_MS = 10_000;
/** Time kept back from settling, so reading the page never runs into the deadline. */
const SETTLE_MARGIN_MS = 250;
/** The tallest screenshot taken: a long page's PNG stays a few megabytes. */
const MAX_SCREENSHOT_HEIGHT = 8192;

/** Milliseconds left before the deadline; Playwright reads a timeout of 0 as "none", so none left is a TIMEOUT. */
export function remaining(deadline: number, doing: string): number {
  const left = deadline - Date.now();
  if (left <= 0) throw new ScrapeFailure('TIMEOUT', `The deadline passed while ${doing}`);
  return left;
}

/**
 * Waits for a quiet network (500 ms without requests), so script-written content and script reloads finish,
 * then for `load` if the document is not complete yet. Both are soft and share one bounded budget: a page
 * that never goes quiet is read as it stands. Playwright's own `load` is not enough on its own: a page that
 * starts a navigation while parsing (to a 204, say) completes without Playwright ever reporting it.
 * `wait_until` load or domcontentloaded skips the quiet network and reads the page at that event.
 */
export async function settle(page: Page, deadline: number, waitUntil: WaitUntil = 'networkidle'): Promise<void> {
  const until = Math.min(Date.now() + SETTLE_CAP_MS, deadline - SETTLE_MARGIN_MS);
  const left = () => until - Date.now();
  if (left() <= 0) return;
  if (waitUntil === 'networkidle') {
    await page.waitForLoadState('networkidle', { timeout: left() }).catch(() => undefined);
  }
  const event = waitUntil === 'domcontentloaded' ? 'domcontentloaded' : 'load';
  const reached = await page
    .evaluate(
      (wanted) => (wanted === 'load' ? document.readyState === 'complete' : document.readyState !== 'loading'),
      event,
    )
    .catch(() => false);
  if (!reached && left() > 0) await page.waitForLoadState(event, { timeout: left() }).catch(() => undefined);
}

/** A PNG of the page as shown, down to MAX_SCREENSHOT_HEIGHT pixels. */
export async function screenshotOf(page: Page, deadline: number): Promise<Buffer> {
  const width = page.viewportSize()?.width ?? 1366;
  // The page's own figure, so only clamped: a hostile page can make it anything.
  const height = await page.evaluate(() => document.documentElement.scrollHeight).catch(() => 0);
  return page.screenshot({
    type: 'png',
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(Math.max(Number(height) || 1, 1), MAX_SCREENSHOT_HEIGHT) },
    timeout: remaining(deadline, 'taking the screenshot'),
  });
}

/** The serialised DOM; a navigation that starts while reading (a late reload) is waited out and read again. */
export async function readContent(page: Page, deadline: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await page.content();
    } catch (error) {
      const navigating = error instanceof Error && /navigat|context was destroyed/i.test(error.message);
      if (!navigating || attempt >= 3) throw error;
      remaining(deadline, 'reading the page');
      await settle(page, deadline);
    }
  }
}
