import { advanceSandboxClock, connectWithKey, createKey, expectNoViolations, expect, test } from './fixtures';

test('a spent minute is said on the overview with a live countdown, and the meter says exhausted', async ({
  page,
  request,
}) => {
  const key = await createKey(request, 'free');
  await connectWithKey(page, key);
  const meter = page.getByRole('region', { name: 'Rate limit', exact: true });
  await expect(meter).toContainText(/\/ 30 left this minute/);

  // Spend the rest of the minute from outside the dashboard, five a second as the burst limit allows.
  for (let spent = 0; spent < 30; spent += 5) {
    await advanceSandboxClock(request, 1.01);
    await Promise.all(Array.from({ length: 5 }, () => request.get('/api/v1/usage', { headers: { 'X-API-Key': key } })));
  }
  await advanceSandboxClock(request, 1.01);

  await page.reload();
  const notice = page.getByTestId('rate-limit-notice');
  await expect(notice).toContainText('RATE_LIMIT_EXCEEDED');
  await expect(notice).toContainText(/in \d+ s\)/);
  await expect(meter).toContainText('Exhausted:');
  await expect(meter.getByTestId('rate-limit-remaining')).toHaveText('0 / 30');
  // The countdown is to the header's reset on the browser's clock; earlier specs moved the sandbox's clock ahead.
  await expect(meter).toContainText(/resets in (\d+ min )?\d+ s/);
  await expectNoViolations(page);
});
