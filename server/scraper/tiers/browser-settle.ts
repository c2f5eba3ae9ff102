import type { Page } from 'playwright-core';
import { ScrapeFailure } from '../scrape-failure';

/** Long enough for a page's load, script-written content and a challenge's reload; past it the page is read as is. */
const SETTLE_CAP_MS = 10_000;
/** Time kept back from settling, so reading the page never runs into the deadline. */
const SETTLE_MARGIN_MS = 250;

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
 */
export async function settle(page: Page, deadline: number): Promise<void> {
  const until = Math.min(Date.now() + SETTLE_CAP_MS, deadline - SETTLE_MARGIN_MS);
  const left = () => until - Date.now();
  if (left() <= 0) return;
  await page.waitForLoadState('networkidle', { timeout: left() }).catch(() => undefined);
  const complete = await page.evaluate(() => document.readyState === 'complete').catch(() => false);
  if (!complete && left() > 0) await page.waitForLoadState('load', { timeout: left() }).catch(() => undefined);
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
