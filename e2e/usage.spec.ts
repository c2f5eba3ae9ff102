import { readFile } from 'node:fs/promises';
import { connectWithKey, expectNoViolations, GROWTH_KEY, expect, test } from './fixtures';

// The e2e sandbox starts on a new data dir with the demo history: 30 days of the growth account's traffic.
for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the usage page shows 30 days of history as charts and tables, exports refunds without a key', async ({
      page,
    }) => {
      test.setTimeout(60_000);
      await connectWithKey(page, GROWTH_KEY);
      await page.goto('/usage');
      await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible();
      await expect(page.getByTestId('usage-zone')).toHaveText('Days are in UTC.');

      const credits = page.getByRole('table', { name: 'Credits per day' });
      await expect(credits.getByRole('row')).toHaveCount(31);
      await expect(page.getByRole('table', { name: 'Scrapes per day by outcome' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Credits by tier' })).toContainText('Tier 4');
      await expect(page.getByRole('table', { name: 'Errors by code' })).toContainText('PAYWALL_DETECTED');
      await expect(page.getByRole('table', { name: /Cost per target domain/ })).toContainText('shop.example.com');
      // The charts drew too, once their chunk loaded.
      await expect(page.locator('.recharts-surface').first()).toBeVisible();

      const refunds = page.getByRole('table', { name: /Refunds/ });
      await expect(refunds.getByRole('row').nth(1)).toContainText('yes');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export as CSV' }).click(),
      ]);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv.split('\r\n')[0]).toBe(
        'refunded_at,request_id,code,credits_refunded,domain,refund_expected_by_policy,mismatch',
      );
      expect(csv.split('\r\n').length).toBeGreaterThan(20);
      expect(csv).not.toContain('sk_');

      await expectNoViolations(page);
      // Wide tables scroll inside their frames: the page's content is no wider than the window.
      const widths = await page.getByRole('main').evaluate((main) => [main.scrollWidth, window.innerWidth]);
      expect(widths[0], `content ${widths[0]} px in a ${widths[1]} px window`).toBeLessThanOrEqual(widths[1]!);
    });
  });
}

test('a day opens its refunds below or, from a chart, its scrapes in the request log', async ({ page }) => {
  await connectWithKey(page, GROWTH_KEY);
  await page.goto('/usage?code=TIMEOUT');
  const refunds = page.getByRole('table', { name: /Refunds/ });
  await expect(refunds.getByRole('row').nth(1)).toContainText('TIMEOUT');
  const day = page
    .getByRole('table', { name: 'Credits per day' })
    .getByRole('button', { name: /^Refunds of / })
    .nth(10);
  const date = (await day.getAttribute('aria-label'))!.slice(-10);
  await day.click();
  await expect(page).toHaveURL(new RegExp(`day=${date}`));
  await expect(page).toHaveURL(/code=TIMEOUT/);
  await expect(page.getByText(`Only ${date}.`)).toBeVisible();

  // A bar of the credits chart: that day's scrapes in the triage page's request log.
  await page.locator('.recharts-bar-rectangle').nth(12).click();
  await expect(page).toHaveURL(/\/triage\/log\?since=\d{4}-\d{2}-\d{2}&until=\d{4}-\d{2}-\d{2}&path=/);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toHaveCount(0);
});
