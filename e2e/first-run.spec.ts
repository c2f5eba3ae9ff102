import { expect, test } from '@playwright/test';
import { GROWTH_KEY } from './fixtures';

test('a newcomer picks a demo account and sees balance, plan and the live meter', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Connect to the API' })).toBeVisible();
  await page.getByRole('button', { name: /Use the Growth demo key/ }).click();

  await expect(page.getByTestId('balance')).toHaveText('100,000 credits');
  await expect(page.getByTestId('plan')).toHaveText('Growth');
  const meter = page.getByRole('region', { name: 'Rate limit' });
  await expect(meter).toContainText(/\d+ \/ 100 left this minute/);
  await expect(page.getByRole('link', { name: 'API key sk_test_…0000: settings' })).toBeVisible();
  await expect(page.getByRole('table', { name: /latest requests/ })).toContainText('GET /api/v1/usage');
  expect(page.url()).not.toContain(GROWTH_KEY);
});

test('the whole first run works from the keyboard alone', async ({ page }) => {
  await page.goto('/');
  const field = page.getByLabel('API key', { exact: true });
  for (let tab = 0; tab < 15 && !(await field.evaluate((element) => element === document.activeElement)); tab++) {
    await page.keyboard.press('Tab');
  }
  await expect(field).toBeFocused();
  await page.keyboard.type(GROWTH_KEY);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('balance')).toHaveText('100,000 credits');
});

test('a refused key is explained at the field and the text stays', async ({ page }) => {
  await page.goto('/');
  const field = page.getByLabel('API key', { exact: true });
  await field.fill('sk_test_revoked0000000000000000000000000');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByText(/The API refused this key \(INVALID_API_KEY\)/)).toBeVisible();
  await expect(field).toHaveValue('sk_test_revoked0000000000000000000000000');
});

test('a reload keeps the key for the tab, and deep links load the app', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Use the Growth demo key/ }).click();
  await expect(page.getByTestId('balance')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('balance')).toHaveText('100,000 credits');

  await page.goto('/errors/TIMEOUT?status=504');
  await expect(page.getByRole('heading', { level: 1, name: 'TIMEOUT' })).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
