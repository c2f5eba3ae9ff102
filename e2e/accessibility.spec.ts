import { expect, test } from '@playwright/test';
import { expectNoViolations, GROWTH_KEY } from './fixtures';

test('the first-run prompt has no accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Or use a sandbox demo account' })).toBeVisible();
  await expectNoViolations(page);
});

for (const [name, path, ready] of [
  ['overview', '/', 'balance'],
  ['error reference', '/errors', null],
  ['error detail', '/errors/SESSION_EXPIRED', null],
  ['settings', '/settings', null],
  ['not found', '/nowhere', null],
] as const) {
  test(`the ${name} page has no accessibility violations`, async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('API key', { exact: true }).fill(GROWTH_KEY);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByTestId('balance')).toBeVisible();
    await page.goto(path);
    if (ready) await expect(page.getByTestId(ready)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });
}
