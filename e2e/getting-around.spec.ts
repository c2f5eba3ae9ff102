import { expectNoViolations, expect, test } from './fixtures';

test('the command palette goes to an error code by keyboard alone', async ({ page }) => {
  await page.goto('/errors');
  await expect(page.getByRole('heading', { name: 'Error reference', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to…' });
  await expect(palette.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('RATE_LIMIT_EXC');
  await expect(palette.getByRole('option', { name: /RATE_LIMIT_EXCEEDED/ })).toBeVisible();
  await expectNoViolations(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/errors\/RATE_LIMIT_EXCEEDED$/);
  await expect(page.getByRole('heading', { name: 'RATE_LIMIT_EXCEEDED', level: 1 })).toBeVisible();
  await expect(palette).toBeHidden();
});

test('? lists the shortcuts, and Escape closes the list', async ({ page }) => {
  await page.goto('/errors');
  await expect(page.getByRole('heading', { name: 'Error reference', level: 1 })).toBeVisible();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Open the command palette');
  await expectNoViolations(page);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the theme chosen in settings applies at once and survives a reload', async ({ page }) => {
  await page.goto('/settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  const background = () =>
    page.evaluate(() => getComputedStyle(document.querySelector('main')!.parentElement!).backgroundColor);
  const dark = await background();
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  expect(await background()).not.toBe(dark);
});
