import type { Locator, Page } from '@playwright/test';
import { advanceSandboxClock, connectWithKey, createKey, expect, test } from './fixtures';

const RUN_SLOT = 'scrape-dashboard.scrape-run';

async function openScrape(page: Page, key: string) {
  await connectWithKey(page, key);
  await page.getByRole('link', { name: 'Scrape', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scrape' })).toBeVisible();
}

const result = (page: Page) => page.getByRole('region', { name: 'Result' });

/** The element's top edge is on screen, and focus is inside it. */
async function expectInViewWithFocus(page: Page, region: Locator) {
  await expect
    .poll(async () => {
      const box = await region.boundingBox();
      const viewport = page.viewportSize();
      return box !== null && viewport !== null && box.y >= 0 && box.y < viewport.height - 40;
    })
    .toBe(true);
  expect(await region.evaluate((element) => element.contains(document.activeElement))).toBe(true);
}

const noHorizontalScroll = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a run brings its countdown, guidance and result into view, with focus', async ({ page, request }) => {
      await openScrape(page, await createKey(request, 'scale'));
      await page.getByRole('button', { name: 'Anti-bot block', exact: true }).click();
      await page.getByRole('button', { name: 'Run scrape' }).click();
      const card = result(page).getByTestId('guidance-card');
      await expect(card).toContainText('BLOCKED_BY_ANTIBOT · HTTP 403', { timeout: 30_000 });
      await expectInViewWithFocus(page, result(page));
      await noHorizontalScroll(page);

      // Ctrl-Enter runs from anywhere on the page, the focused result included.
      await page.getByRole('button', { name: 'Plain article', exact: true }).click();
      await page.keyboard.press('Control+Enter');
      await expect(result(page).getByRole('tablist', { name: 'Scraped content' })).toBeVisible({ timeout: 30_000 });
      await expectInViewWithFocus(page, result(page));
      await noHorizontalScroll(page);
    });

    test('an async job survives a reload and finishes on the page', async ({ page, request, demoWeb }) => {
      const key = await createKey(request, 'scale');
      await openScrape(page, key);
      await page.getByLabel('URL to scrape').fill(`${demoWeb}/slow?ms=4000`);
      await page.getByText('Timeout and background jobs').click();
      await page.getByLabel('Run in the background (async job)').check();
      await page.getByRole('button', { name: 'Run scrape' }).click();
      await expect(result(page)).toContainText(/Job .*: (queued|processing)/);
      await expectInViewWithFocus(page, result(page));
      const stored = await page.evaluate((slot) => sessionStorage.getItem(slot), RUN_SLOT);
      expect(stored).toContain('"kind":"job"');
      expect(stored).not.toContain(key);

      await page.reload();
      await expect(result(page)).toContainText(/Job .*: (queued|processing|done)/);
      await expect(result(page).getByRole('tablist', { name: 'Scraped content' })).toBeVisible({ timeout: 30_000 });
      expect(await page.evaluate((slot) => sessionStorage.getItem(slot), RUN_SLOT)).toBeNull();
    });

    test('a sync run cut off by a reload says so, and finds its request in the log', async ({
      page,
      request,
      demoWeb,
    }) => {
      test.setTimeout(60_000);
      await openScrape(page, await createKey(request, 'scale'));
      await page.getByLabel('URL to scrape').fill(`${demoWeb}/slow?ms=3000`);
      await page.getByRole('button', { name: 'Run scrape' }).click();
      await expect(result(page)).toContainText('Scraping…');
      await page.reload();
      const notice = result(page).getByTestId('cut-off-notice');
      await expect(notice).toContainText('was cut off');
      // The API logs the request when it finishes, a few seconds on.
      await expect(async () => {
        const check = notice.getByRole('button', { name: 'Check the log again' });
        if (await check.isVisible()) await check.click();
        await expect(notice).toContainText(/logged it as request req_/, { timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
    });

    test('a 429 wait offers no retry before the reset', async ({ page, request }) => {
      const key = await createKey(request, 'free');
      await openScrape(page, key);
      for (let spent = 0; spent < 30; spent += 5) {
        await advanceSandboxClock(request, 1.01);
        await Promise.all(
          Array.from({ length: 5 }, () => request.get('/api/v1/usage', { headers: { 'X-API-Key': key } })),
        );
      }
      await advanceSandboxClock(request, 1.01);
      await page.getByRole('button', { name: 'Plain article', exact: true }).click();
      await page.getByRole('button', { name: 'Run scrape' }).click();
      await expect(result(page).getByTestId('retry-countdown')).toContainText(/Rate limited: retrying in \d+/);
      await expectInViewWithFocus(page, result(page));
      await expect(result(page).getByRole('button', { name: /retry|try again/i })).toHaveCount(0);
      await expect(result(page).getByRole('button', { name: 'Cancel' })).toBeVisible();
      await noHorizontalScroll(page);
    });
  });
}
