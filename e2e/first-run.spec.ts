import { GROWTH_KEY, expect, test } from './fixtures';

test('a newcomer picks a demo account and sees balance, plan and the live meter', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Connect to the API' })).toBeVisible();
  await expect(page).toHaveTitle('Overview · Scrape Dashboard');
  await page.getByRole('button', { name: 'Use the Growth demo account, key sk_test_grow…0000' }).click();

  await expect(page.getByTestId('balance')).toHaveText('100,000 credits');
  await expect(page.getByTestId('plan')).toHaveText('Growth');
  const meter = page.getByRole('region', { name: 'Rate limit', exact: true });
  await expect(meter).toContainText(/\d+ \/ 100 left this minute/);
  await expect(page.getByRole('link', { name: 'API key sk_test_grow…0000, Growth plan: settings' })).toBeVisible();
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
  await page.getByRole('button', { name: /Use the Growth demo account/ }).click();
  await expect(page.getByTestId('balance')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('balance')).toHaveText('100,000 credits');

  await page.goto('/errors/TIMEOUT?status=504');
  await expect(page.getByRole('heading', { level: 1, name: 'TIMEOUT' })).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the demo accounts are told apart by what they show and by their keys', async ({ page }) => {
  await page.goto('/');
  const list = page.getByRole('region', { name: 'Or use a sandbox demo account' });
  await expect(list.getByRole('listitem')).toHaveCount(8);
  const broke = list.getByRole('listitem').filter({ hasText: 'Free — out of credits' });
  await expect(broke).toContainText('sk_test_brok…0000');
  await expect(broke).toContainText('INSUFFICIENT_CREDITS');
  const lapsed = list.getByRole('listitem').filter({ hasText: 'Basic — subscription cancelled' });
  await expect(lapsed).toContainText('sk_test_laps…0000');
  // Eight accounts, eight different masked keys.
  const masked = await list.locator('.font-mono').allTextContents();
  expect(new Set(masked).size).toBe(8);
});

test('a lapsed subscription is a warning on the overview that says what to do', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Use the Basic — subscription cancelled demo account/ }).click();
  const warning = page.getByRole('region', { name: /subscription is cancelled/ });
  await expect(warning).toContainText('SUBSCRIPTION_INACTIVE');
  await expect(warning.getByRole('link', { name: /use another key in Settings/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Basic plan: settings/ })).toBeVisible();
});

test('a refused key gets the focus, and moving between pages puts the focus on the heading', async ({ page }) => {
  await page.goto('/settings');
  await expect(page).toHaveTitle('Settings · Scrape Dashboard');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByLabel('API key', { exact: true })).toBeFocused();
  await expect(page.getByText('Enter an API key')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Error reference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Error reference' })).toBeFocused();
  await expect(page).toHaveTitle('Error reference · Scrape Dashboard');
});

test('an unreachable API base URL says so when saved', async ({ page }) => {
  await page.goto('/settings');
  const field = page.getByLabel('API base URL');
  await field.fill('http://127.0.0.1:9/api/v1');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('Nothing answers at http://127.0.0.1:9/api/v1');
  await field.fill('/api/v1');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved. /api/v1 answers: it is the local sandbox.')).toBeVisible();
});
