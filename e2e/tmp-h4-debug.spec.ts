import { test } from '@playwright/test';
import { connectWithKey, createKey } from './fixtures';
test('debug focus', async ({ page, request }) => {
  page.on('console', (m) => { if (m.text().includes('H4DBG')) console.log(m.text()); });
  await connectWithKey(page, await createKey(request, 'growth'));
  console.log('--- click');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions', exact: true }).click();
  await page.waitForTimeout(2500);
});
