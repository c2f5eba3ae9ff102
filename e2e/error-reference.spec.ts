import { connectWithKey, createKey, expect, test } from './fixtures';

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

test('?q=429 and ?q=410 work as typed and as shared, and "All errors" keeps the search', async ({ page }) => {
  await page.goto('/errors?q=429');
  const search = page.getByRole('searchbox', { name: 'Search the errors' });
  await expect(search).toHaveValue('429');
  await expect(page.getByRole('link', { name: 'RATE_LIMIT_EXCEEDED' })).toBeVisible();

  await search.fill('410');
  await expect(page.getByRole('link', { name: 'SESSION_INACTIVE' })).toBeVisible();
  const shared = page.url();
  await page.goto(shared);
  await expect(search).toHaveValue('410');
  await page.getByRole('link', { name: 'SESSION_EXPIRED' }).click();
  await page.getByRole('link', { name: /All errors/ }).click();
  await expect(search).toHaveValue('410');
  await expect(page.getByRole('link', { name: 'TIMEOUT' })).toHaveCount(0);
});

test('a pasted error body of the real sandbox points to its code and its request', async ({
  page,
  request,
  demoWeb,
}) => {
  // Growth: its burst allows connecting and looking up at once.
  const key = await createKey(request, 'growth');
  const failed = await request.post('/api/v1/scrape', {
    headers: { 'X-API-Key': key },
    data: { url: `${demoWeb}/premium` },
  });
  expect(failed.status()).toBe(402);
  const body = await failed.text();
  const requestId = failed.headers()['x-request-id'];

  await connectWithKey(page, key);
  await page.goto('/errors');
  await page.getByRole('searchbox', { name: 'Search the errors' }).fill(body);
  const pasted = page.getByRole('region', { name: 'You pasted an error body' });
  await expect(pasted).toContainText('PAYWALL_DETECTED');
  await expect(pasted.getByTestId('pasted-request')).toContainText(`${demoWeb}/premium`);
  await expect(pasted).toContainText(requestId!);
  await expect(page.getByRole('table', { name: 'Error codes and statuses' }).getByRole('link')).toHaveText([
    'PAYWALL_DETECTED',
  ]);
});
