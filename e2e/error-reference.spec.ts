import { expect, test } from '@playwright/test';

test('support staff find a code by words and open its guidance', async ({ page }) => {
  await page.goto('/errors');
  const search = page.getByRole('searchbox', { name: 'Search the errors' });
  await search.fill('anti bot');
  await expect(page).toHaveURL(/\?q=anti(\+|%20)bot/);
  await page.getByRole('link', { name: 'BLOCKED_BY_ANTIBOT' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'BLOCKED_BY_ANTIBOT' })).toBeVisible();
  await expect(page.getByText('Allow tier 4 (CAPTCHA solving)')).toBeVisible();
});

test('SESSION_EXPIRED shows both of its meanings', async ({ page }) => {
  await page.goto('/errors/SESSION_EXPIRED');
  await expect(page.getByRole('heading', { level: 2, name: /^401 Unauthorized/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^410 Gone/ })).toBeVisible();
});
