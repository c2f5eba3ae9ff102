import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { createKey, expectNoViolations, expect, test } from './fixtures';

const COOKIE_VALUE = 'c00kie-value-e2e-4711';

/** Scrapes through the API with the key, as a customer's program would: one success and two known failures. */
async function makeScrapes(request: APIRequestContext, key: string) {
  const info = (await (await request.get('/api/v1/sandbox/info')).json()) as { demo_web_url: string };
  const scrape = (data: Record<string, unknown>) =>
    request.post('/api/v1/scrape', { headers: { 'X-API-Key': key }, data: { sync: true, max_tier: '1', ...data } });
  expect((await scrape({ url: `${info.demo_web_url}/article` })).status()).toBe(200);
  expect((await scrape({ url: `${info.demo_web_url}/premium` })).status()).toBe(402);
  // A cookie with a value of its own: no export or page may ever show it.
  const members = await scrape({ url: `${info.demo_web_url}/members`, cookies: { tracker: COOKIE_VALUE } });
  expect(members.status()).toBe(401);
  return { premium: `${info.demo_web_url}/premium` };
}

async function connect(page: Page, key: string) {
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Connect' }).click();
}

async function downloaded(page: Page, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('filter the log by code, open a request, share its link, rerun it, export without a key', async ({
      page,
      request,
      context,
    }) => {
      test.setTimeout(90_000);
      const key = await createKey(request, 'growth');
      const { premium } = await makeScrapes(request, key);

      await page.goto('/triage/log');
      await connect(page, key);
      await expect(page.getByRole('heading', { level: 1, name: 'Request log' })).toBeVisible();
      const log = page.getByRole('table', { name: /^Request log, \d+ requests? loaded/ });
      // The three scrapes (and the dashboard's key check, which the user asked for by connecting).
      for (const outcome of ['REQUIRES_AUTH', 'PAYWALL_DETECTED', 'No failure'])
        await expect(log).toContainText(outcome);
      await expectNoViolations(page);

      // Filter by code: the view is in the URL.
      await page.getByLabel('Error code').fill('PAYWALL_DETECTED');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect(page).toHaveURL(/code=PAYWALL_DETECTED/);
      await expect(log.getByRole('row')).toHaveCount(2);
      const row = log.getByRole('row').nth(1);
      await expect(row).toContainText(premium);
      await expect(row.getByRole('link', { name: 'PAYWALL_DETECTED' })).toBeVisible();
      await expect(row).toContainText('Refunded, as the policy says');

      // The export holds the rows shown, never the key or a cookie value.
      const csv = await downloaded(page, 'Export CSV');
      expect(csv).toContain('PAYWALL_DETECTED');
      expect(csv).not.toContain('sk_');
      expect(csv).not.toContain(COOKIE_VALUE);
      const json = await downloaded(page, 'Export JSON');
      expect(JSON.parse(json)).toHaveLength(1);
      expect(json).not.toContain('sk_');

      // Open the request; its address opens the same request in another page (the recipient connects first).
      await row.getByRole('link', { name: /^Request req_/ }).click();
      const heading = page.getByRole('heading', { level: 1, name: /^Request req_/ });
      await expect(heading).toBeVisible();
      const title = (await heading.textContent())!;
      await expect(page.getByTestId('refund-verdict')).toHaveText('Refunded, as the policy says');
      await expect(page.getByTestId('guidance-card')).toBeVisible();
      await expect(page.getByTestId('support-summary')).toContainText('HTTP 402 PAYWALL_DETECTED');
      await expectNoViolations(page);

      const shared = await context.newPage();
      await shared.goto(page.url());
      await connect(shared, key);
      await expect(shared.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(shared.getByTestId('support-summary')).toContainText(premium);
      await shared.close();

      // Rerun it in the scrape page: the form starts from its URL.
      await page.getByRole('link', { name: 'Open in the scrape page' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Scrape' })).toBeVisible();
      await expect(page.getByRole('form', { name: 'Scrape request' }).getByLabel(/^URL/)).toHaveValue(premium);

      // The request sent with a cookie: its page names the cookie but never shows its value, nor carries it.
      await page.goto('/triage/log?code=REQUIRES_AUTH');
      await log
        .getByRole('row')
        .nth(1)
        .getByRole('link', { name: /^Request req_/ })
        .click();
      await expect(page.getByTestId('support-summary')).toContainText('HTTP 401 REQUIRES_AUTH');
      await expect(page.getByTestId('request-parameters')).toContainText('tracker');
      await expect(page.locator('body')).not.toContainText(COOKIE_VALUE);
      const rerun = await page.getByRole('link', { name: 'Open in the scrape page' }).getAttribute('href');
      expect(rerun).not.toContain(COOKIE_VALUE);
      expect(rerun).not.toContain('tracker');
    });
  });
}
