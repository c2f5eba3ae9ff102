import type { APIRequestContext, Page } from '@playwright/test';
import { connectWithKey, createKey, expectNoViolations, expect, test } from './fixtures';

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Moves the sandbox's clock on, and returns its time (ms): the browser's clock is set to follow it. */
async function advanceSandbox(request: APIRequestContext, seconds: number): Promise<number> {
  const response = await request.post('/api/v1/sandbox/clock', { data: { advance_seconds: seconds } });
  expect(response.ok()).toBe(true);
  return Date.parse(((await response.json()) as { now: string }).now);
}

async function nextSecond(page: Page, request: APIRequestContext) {
  await advanceSandbox(request, 1.01);
  await page.clock.fastForward(1010);
}

async function openRateLimits(page: Page, key: string) {
  await connectWithKey(page, key);
  await page.getByRole('navigation').getByRole('link', { name: 'Rate limits' }).first().click();
  await expect(page.getByRole('heading', { name: 'Rate limits', level: 1 })).toBeVisible();
}

async function sendBurst(page: Page, size: number) {
  await page.getByLabel(/Requests to send/).fill(String(size));
  await page.getByRole('button', { name: 'Send a burst' }).click();
  await expect(page.getByTestId('burst-outcome')).toContainText(`Sent ${size}:`);
}

for (const viewport of VIEWPORTS) {
  test.describe(`/rate-limits (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('a burst on the free plan shows 429 markers, the countdown reaches zero and the meter recovers', async ({
      page,
      request,
    }) => {
      const key = await createKey(request, 'free');
      // The browser's clock runs with the sandbox's, so the reset the headers give counts down in step with it.
      await page.clock.install({ time: await advanceSandbox(request, 0.001) });
      await openRateLimits(page, key);

      await sendBurst(page, 20);
      // 5 a second on the free plan: most of the 20 are refused.
      await expect(page.getByTestId('burst-outcome')).toContainText(/[1-9]\d* refused with 429/);
      expect(await page.getByTestId('marker-429').count()).toBeGreaterThan(0);
      // The timeline's labels are drawn at the page's size: scaled down with the drawing, a phone's were 6 px high.
      const now = await page.getByTestId('rate-limit-timeline').getByText('now', { exact: true }).boundingBox();
      expect(now?.height).toBeGreaterThanOrEqual(9);
      await expect(page.getByTestId('gauge-remaining')).toContainText('/ 30 left this minute');
      await expect(page.getByTestId('reset-countdown')).toHaveText(/^[1-9]\d* s$/);
      await expectNoViolations(page);

      await advanceSandbox(request, 61);
      await page.clock.fastForward(61_000);
      await expect(page.getByTestId('reset-countdown')).toHaveText('0 s');
      await expect(page.getByTestId('rate-limit-meter')).toContainText('window over');

      // A new minute: the next call is answered with the whole minute (less itself) left.
      await sendBurst(page, 1);
      await expect(page.getByTestId('burst-outcome')).toContainText('1 answered, 0 refused');
      await expect(page.getByTestId('gauge-remaining')).toContainText('29 / 30 left this minute');
      await expect(page.getByTestId('rate-limit-remaining')).toHaveText('29 / 30');
    });

    test('the history survives a reload, and a second tab of the key sees the first tab’s calls', async ({
      page,
      request,
    }) => {
      const key = await createKey(request, 'free');
      await page.clock.install({ time: await advanceSandbox(request, 0.001) });
      await openRateLimits(page, key);
      await sendBurst(page, 8);
      const refused = await page.getByTestId('marker-429').count();
      expect(refused).toBeGreaterThan(0);

      // Past this second's burst, so the reloaded page's own calls are answered rather than refused.
      await nextSecond(page, request);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Rate limits', level: 1 })).toBeVisible();
      await expect(page.getByTestId('marker-429')).toHaveCount(refused);

      // The key lives in the tab's session, so the second tab connects with it too.
      await nextSecond(page, request);
      const second = await page.context().newPage();
      await openRateLimits(second, key);
      await expect(second.getByTestId('marker-429')).toHaveCount(refused);
      const userCalls = await second.getByTestId('marker-user').count();

      await page.bringToFront();
      await nextSecond(page, request);
      await sendBurst(page, 3);
      await expect(second.getByTestId('marker-user')).toHaveCount(userCalls + 3);
      await expectNoViolations(second);
      // The table equivalent opens, and axe finds nothing in it either.
      await second.getByText('The same calls as a table').click();
      await expect(second.getByTestId('timeline-table')).toContainText('RATE_LIMIT_EXCEEDED');
      await expectNoViolations(second);
    });
  });
}
