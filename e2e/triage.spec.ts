import { connectWithKey, expectNoViolations, GROWTH_KEY, expect, test } from './fixtures';

test('a pasted BLOCKED_BY_ANTIBOT body of the real sandbox: guidance, refund verdict, its request; axe finds nothing', async ({
  page,
  request,
  demoWeb,
}) => {
  const blocked = await request.post('/api/v1/scrape', {
    headers: { 'X-API-Key': GROWTH_KEY },
    data: { url: `${demoWeb}/antibot` },
  });
  expect(blocked.status()).toBe(403);
  const body = await blocked.text();
  const requestId = blocked.headers()['x-request-id']!;
  expect(JSON.parse(body)).toMatchObject({ error: 'BLOCKED_BY_ANTIBOT', billing: { refunded: true } });

  await page.setViewportSize({ width: 1440, height: 900 });
  await connectWithKey(page, GROWTH_KEY);
  await page.getByRole('navigation').getByRole('link', { name: 'Triage' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Triage' })).toBeVisible();
  await expect(page.getByRole('table', { name: /grouped by code and domain/ })).toContainText('BLOCKED_BY_ANTIBOT');

  await page.getByRole('textbox', { name: 'Paste an error' }).fill(body);
  await page.getByRole('button', { name: 'Decode' }).click();
  const decoded = page.getByRole('region', { name: 'You pasted an error body' });
  await expect(decoded.getByTestId('refund-verdict')).toHaveText(/^Refunded \(\d+ credits?\), as the policy says\.$/);
  await expect(decoded).toContainText('No status pasted; this code is answered with 403.');
  await expect(decoded).toContainText(requestId);
  const guidance = page.getByTestId('guidance-card');
  await expect(guidance).toContainText('BLOCKED_BY_ANTIBOT · HTTP 403');
  await expect(guidance).toContainText('The refund policy says this failure is refunded.');
  await expect(page.getByRole('region', { name: 'In this key’s request log' })).toContainText(`${demoWeb}/antibot`);
  await expectNoViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(decoded).toBeVisible();
  await expectNoViolations(page);
});

test('a malformed paste is named and kept', async ({ page }) => {
  await connectWithKey(page, GROWTH_KEY);
  await page.goto('/triage');
  const box = page.getByRole('textbox', { name: 'Paste an error' });
  await box.fill('{"error": "TIMEOUT", ');
  await page.getByRole('button', { name: 'Decode' }).click();
  await expect(page.getByRole('alert')).toContainText('does not parse');
  await expect(box).toHaveValue('{"error": "TIMEOUT", ');
  await expectNoViolations(page);
});
