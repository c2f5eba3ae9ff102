import type { Page } from '@playwright/test';
import { advanceSandboxClock, connectWithKey, createKey, expectNoViolations, expect, test } from './fixtures';

async function openScrape(page: Page, key: string) {
  await connectWithKey(page, key);
  await page.getByRole('link', { name: 'Scrape', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scrape' })).toBeVisible();
}

async function runPreset(page: Page, preset: string) {
  await page.getByRole('button', { name: preset, exact: true }).click();
  await page.getByRole('button', { name: 'Run scrape' }).click();
}

const result = (page: Page) => page.getByRole('region', { name: 'Result' });
const tierUsed = (page: Page) =>
  result(page)
    .getByRole('definition')
    .filter({ hasText: /^Tier \d/ });

// Every row of the demo-web table, through the real sandbox: the result, or the guidance card of its code.
const OUTCOMES: [preset: string, outcome: string][] = [
  ['Plain article', 'tier 1'],
  ['Needs browser headers', 'tier 2'],
  ['Needs JavaScript', 'tier 3'],
  ['Browser challenge', 'CHALLENGE_DETECTED · HTTP 403'],
  ['Anti-bot block', 'BLOCKED_BY_ANTIBOT · HTTP 403'],
  ['Huge page (11 MB)', 'CONTENT_TOO_LARGE · HTTP 413'],
  ['PDF report', 'UNSUPPORTED_CONTENT_TYPE · HTTP 415'],
  ['Scanned image', 'UNSUPPORTED_CONTENT_TYPE · HTTP 415'],
  ['Garbled page', 'EXTRACTION_FAILED · HTTP 422'],
  ['Login wall', 'REQUIRES_AUTH · HTTP 401'],
  ['Paywall', 'PAYWALL_DETECTED · HTTP 402'],
  ['Hostile page', 'tier 1'],
];

test('every demo target shows its result or the guidance for its code', async ({ page, request }) => {
  test.setTimeout(90_000);
  await openScrape(page, await createKey(request, 'scale'));
  for (const [preset, outcome] of OUTCOMES) {
    await runPreset(page, preset);
    if (outcome.startsWith('tier')) {
      await expect(tierUsed(page), preset).toHaveText(new RegExp(`^Tier ${outcome.slice(-1)}`), { timeout: 20_000 });
    } else {
      const card = result(page).getByTestId('guidance-card');
      await expect(card, preset).toContainText(outcome, { timeout: 20_000 });
      await expect(card).toContainText('The response says it was refunded');
      await expect(card).not.toContainText('Mismatch');
    }
  }

  // The overview, opened afterwards, shows the day's refunds and errors from the same ledger and log.
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(page.getByTestId('refunds-today')).not.toHaveText('0');
  await expect(page.getByRole('region', { name: 'Usage' })).toContainText('PAYWALL_DETECTED × 1');
  await expect(page.getByRole('table', { name: /latest requests/ })).toContainText('POST /api/v1/scrape');
});

test('the network failures retry with back-off, then explain themselves', async ({ page, request }) => {
  test.setTimeout(60_000);
  await openScrape(page, await createKey(request, 'scale'));
  await runPreset(page, 'Unreachable host');
  // The target is down, not the API: the wait says so rather than "Server error".
  await expect(result(page)).toContainText(/Could not reach the target site: try 2 of 3/);
  await expect(result(page).getByTestId('guidance-card')).toContainText('NETWORK_ERROR · HTTP 503', {
    timeout: 15_000,
  });
});

test('the anti-bot block is fixed by its button and then succeeds at tier 4', async ({ page, request }) => {
  test.setTimeout(60_000);
  await openScrape(page, await createKey(request, 'scale'));
  await runPreset(page, 'Anti-bot block');
  const card = result(page).getByTestId('guidance-card');
  await expect(card).toContainText('BLOCKED_BY_ANTIBOT', { timeout: 20_000 });
  await expectNoViolations(page);
  await card.getByRole('button', { name: 'Allow tier 4 (CAPTCHA solving)' }).click();
  await expect(tierUsed(page)).toHaveText(/^Tier 4/, { timeout: 30_000 });
  await expect(page.getByLabel('Maximum tier')).toHaveValue('4');
});

test('the timeout is fixed by its button', async ({ page, request }) => {
  test.setTimeout(90_000);
  await openScrape(page, await createKey(request, 'scale'));
  await runPreset(page, 'Slow page (timeout)');
  const card = result(page).getByTestId('guidance-card');
  await expect(card).toContainText('TIMEOUT · HTTP 504', { timeout: 30_000 });
  await card.getByRole('button', { name: 'Wait up to 180 seconds (timeout: 180)' }).click();
  await expect(tierUsed(page)).toHaveText(/^Tier 1/, { timeout: 30_000 });
  await expect(page.getByLabel('Timeout (seconds)')).toHaveValue('180');
});

test('a 429 shows a countdown and can be cancelled', async ({ page, request }) => {
  const key = await createKey(request, 'free');
  await openScrape(page, key);
  for (let spent = 0; spent < 30; spent += 5) {
    await advanceSandboxClock(request, 1.01);
    await Promise.all(Array.from({ length: 5 }, () => request.get('/api/v1/usage', { headers: { 'X-API-Key': key } })));
  }
  await advanceSandboxClock(request, 1.01);
  await runPreset(page, 'Plain article');
  await expect(result(page)).toContainText(/Rate limited: retrying in \d+ s/);
  await result(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(result(page)).not.toContainText('Rate limited');
});

test('an async job shows its progress and its result', async ({ page, request, demoWeb }) => {
  await openScrape(page, await createKey(request, 'scale'));
  await page.getByRole('button', { name: 'Plain article', exact: true }).click();
  await page.getByLabel('URL to scrape').fill(`${demoWeb}/slow?ms=2500`);
  await page.getByText('Timeout and background jobs').click();
  await page.getByLabel('Run in the background (async job)').check();
  await page.getByRole('button', { name: 'Run scrape' }).click();
  await expect(result(page)).toContainText(/Job .*: (queued|processing)/);
  await expect(tierUsed(page)).toHaveText(/^Tier 1/, { timeout: 20_000 });
});

test('the hostile page renders with no script run and no request leaving the frame', async ({
  page,
  request,
  demoWeb,
}) => {
  await request.post(`${demoWeb}/beacon/reset`);
  await openScrape(page, await createKey(request, 'scale'));
  await runPreset(page, 'Hostile page');
  const frame = result(page).locator('iframe[title="Rendered page"]');
  await expect(frame).toBeVisible({ timeout: 20_000 });
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame.contentFrame().getByRole('heading', { name: 'Hostile page' })).toBeVisible();
  // A positive control instead of a sleep: the same page opened bare fires its beacons once each. Had the frame
  // fired any, they were sent earlier and would show here as a second hit.
  const bare = await page.context().newPage();
  await bare.goto(`${demoWeb}/hostile`, { waitUntil: 'commit' });
  const once = ['img', 'css', 'script-src', 'fetch', 'sendBeacon', 'image-js'];
  const hits = async () =>
    ((await (await request.get(`${demoWeb}/beacon/count`)).json()) as { via: Record<string, number> }).via;
  await expect
    .poll(async () => {
      const seen = await hits();
      return once.filter((kind) => kind in seen);
    })
    .toEqual(once);
  const via = await hits();
  expect(Object.fromEntries(once.map((kind) => [kind, via[kind]]))).toEqual(
    Object.fromEntries(once.map((kind) => [kind, 1])),
  );
  expect(via['iframe'] ?? 0).toBeLessThanOrEqual(1);
  await bare.close();
  await expect(page).toHaveTitle('Scrape · Scrape Dashboard');
  await expectNoViolations(page);
});

test('the whole scrape flow works from the keyboard alone', async ({ page, request, demoWeb }) => {
  await openScrape(page, await createKey(request, 'scale'));
  const url = page.getByLabel('URL to scrape');
  for (let tab = 0; tab < 40 && !(await url.evaluate((element) => element === document.activeElement)); tab++) {
    await page.keyboard.press('Tab');
  }
  await expect(url).toBeFocused();
  await page.keyboard.type(`${demoWeb}/article`);
  await page.keyboard.press('Enter');
  await expect(tierUsed(page)).toHaveText(/^Tier 1/, { timeout: 20_000 });
  const tabs = result(page).getByRole('tab');
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(result(page).getByRole('tab', { name: 'HTML source' })).toHaveAttribute('aria-selected', 'true');
});
