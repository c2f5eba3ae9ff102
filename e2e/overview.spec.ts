import type { APIRequestContext } from '@playwright/test';
import { advanceSandboxClock, connectWithKey, createKey, expect, test } from './fixtures';

test('recent requests show the user’s calls by default, the dashboard’s own one click away', async ({
  page,
  request,
  demoWeb,
}) => {
  const key = await createKey(request, 'growth');
  // A call of the user's own (an SDK, curl): it carries no dashboard mark.
  const scrape = await request.post('/api/v1/scrape', {
    headers: { 'X-API-Key': key },
    data: { url: `${demoWeb}/premium` },
  });
  expect(scrape.status()).toBe(402);

  await connectWithKey(page, key);
  const mine = page.getByRole('table', { name: 'The ten latest requests you made with this key' });
  await expect(mine).toContainText(`${demoWeb}/premium`);
  await expect(mine.getByRole('link', { name: 'PAYWALL_DETECTED' })).toBeVisible();
  // The overview's own reads are not the user's calls.
  await expect(mine).not.toContainText('GET /api/v1/usage/daily');
  await expect(mine).not.toContainText('GET /api/v1/requests');

  await page.getByRole('button', { name: 'The dashboard’s own calls' }).click();
  await expect(page).toHaveURL(/\?calls=dashboard/);
  const own = page.getByRole('table', { name: /requests the dashboard made by itself/ });
  await expect(own).toContainText('GET /api/v1/usage/daily');
  await expect(own).not.toContainText('/premium');
});

test('the overview agrees with itself: no fewer requests this month than today', async ({ page, request }) => {
  const key = await createKey(request, 'growth');
  await connectWithKey(page, key);
  const today = Number(await page.getByTestId('requests-today').textContent());
  const month = Number(await page.getByTestId('requests-month').textContent());
  expect(today).toBeGreaterThan(0);
  expect(month).toBeGreaterThanOrEqual(today);
  await expect(page.getByRole('rowheader', { name: 'Credits charged, before refunds' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Credits spent, after refunds' })).toBeVisible();
});

/** Spends the free key's minute from outside the browser, a fresh burst each round. */
async function exhaust(request: APIRequestContext, key: string) {
  for (let round = 0; round < 8; round++) {
    await advanceSandboxClock(request, 1.01);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => request.get('/api/v1/usage', { headers: { 'X-API-Key': key } })),
    );
    if (answers.some((answer) => answer.status() === 429 && answer.headers()['x-ratelimit-remaining'] === '0')) return;
  }
  throw new Error('the minute was not spent');
}

test('under a 429 the overview shows one notice and loads again by itself after the reset', async ({
  page,
  request,
}) => {
  await page.clock.install();
  const key = await createKey(request, 'free');
  await connectWithKey(page, key);
  await expect(page.getByTestId('balance')).toBeVisible();
  await exhaust(request, key);

  await page.reload();
  const notice = page.getByRole('region', { name: /rate limit of this key is used up/ });
  await expect(notice).toBeVisible();
  await expect(page.getByTestId('guidance-card')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(notice.getByRole('button')).toContainText('Trying again at the reset');

  // The minute passes, for the sandbox and for the page.
  await advanceSandboxClock(request, 61);
  await page.clock.fastForward(61_000);
  await expect(page.getByTestId('balance')).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test('each page has its own title, and moving between pages puts the focus on the page heading', async ({
  page,
  request,
}) => {
  await connectWithKey(page, await createKey(request, 'growth'));
  await expect(page).toHaveTitle('Overview · Scrape Dashboard');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [link, heading, title] of [
    ['Sessions', /sessions/i, 'Stored sessions · Scrape Dashboard'],
    ['Scrape', /scrape/i, 'Scrape · Scrape Dashboard'],
    ['Error reference', 'Error reference', 'Error reference · Scrape Dashboard'],
    ['Overview', 'Overview', 'Overview · Scrape Dashboard'],
  ] as const) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
    await expect(page).toHaveTitle(title);
  }
});
