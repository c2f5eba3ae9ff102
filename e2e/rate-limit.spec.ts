import { expect, test } from '@playwright/test';
import { advanceSandboxClock, connectWithKey, createKey, expectNoViolations } from './fixtures';

test('a 429 shows its guidance with a live countdown, and the meter says exhausted', async ({ page, request }) => {
  const key = await createKey(request, 'free');
  await connectWithKey(page, key);
  await expect(page.getByRole('region', { name: 'Rate limit' })).toContainText(/\/ 30 left this minute/);

  // Spend the rest of the minute from outside the dashboard, five a second as the burst limit allows.
  for (let spent = 0; spent < 30; spent += 5) {
    await advanceSandboxClock(request, 1.01);
    await Promise.all(Array.from({ length: 5 }, () => request.get('/api/v1/usage', { headers: { 'X-API-Key': key } })));
  }
  await advanceSandboxClock(request, 1.01);

  await page.reload();
  const card = page.getByTestId('guidance-card').first();
  await expect(card).toContainText('RATE_LIMIT_EXCEEDED · HTTP 429');
  await expect(card.getByTestId('retry-countdown')).toContainText(/safe to retry in \d+ s/);
  await expect(card).toContainText('not refunded');
  await expect(page.getByRole('region', { name: 'Rate limit' })).toContainText('Exhausted:');
  await expect(card.getByRole('link', { name: /RATE_LIMIT_EXCEEDED in the error reference/ })).toBeVisible();
  await expectNoViolations(page);
});
