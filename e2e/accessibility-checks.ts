import type { Page } from '@playwright/test';
import { connectWithKey, createKey, expectNoViolations, expect, test } from './fixtures';

/** The two sizes every page is checked at: a laptop, and a phone held upright (a spec file each, run side by side). */
export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** Every page, with what shows once it has loaded. */
const PAGES = [
  { name: 'overview', path: '/', ready: (page: Page) => page.getByTestId('balance') },
  { name: 'scrape', path: '/scrape', ready: (page: Page) => page.getByRole('button', { name: /^Run scrape/ }) },
  { name: 'sessions', path: '/sessions', ready: (page: Page) => page.getByTestId('session-limit') },
  { name: 'error reference', path: '/errors', ready: (page: Page) => page.getByRole('table') },
  { name: 'error search', path: '/errors?q=429', ready: (page: Page) => page.getByRole('table') },
  {
    name: 'error detail',
    path: '/errors/SESSION_EXPIRED',
    ready: (page: Page) => page.getByRole('heading', { level: 2 }).first(),
  },
  { name: 'settings', path: '/settings', ready: (page: Page) => page.getByTestId('server-kind') },
  { name: 'usage', path: '/usage', ready: (page: Page) => page.getByRole('heading', { level: 2 }).first() },
  { name: 'webhooks', path: '/webhooks', ready: (page: Page) => page.getByRole('heading', { level: 1 }) },
  { name: 'triage', path: '/triage', ready: (page: Page) => page.getByRole('heading', { level: 1 }) },
  { name: 'request log', path: '/triage/log', ready: (page: Page) => page.getByRole('heading', { level: 1 }) },
  {
    name: 'one request',
    path: '/triage/requests/{id}',
    ready: (page: Page) => page.getByRole('heading', { level: 2 }).first(),
  },
  { name: 'not found', path: '/nowhere', ready: (page: Page) => page.getByRole('heading', { name: 'Page not found' }) },
] as const;

/** Nothing sticks out sideways: the page is no wider than the window, so nothing needs a horizontal scroll. */
async function expectNoHorizontalScroll(page: Page, { soft = false } = {}) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
  }));
  (soft ? expect.soft : expect)(
    widths.page,
    `the page is ${widths.page} px wide in a ${widths.window} px window`,
  ).toBeLessThanOrEqual(widths.window);
}

/** Both themes: the dark one comes from the system's setting, as a first visit gets it. */
const THEMES = ['light', 'dark'] as const;

/** Every page at one size, in both themes: no accessibility violations, nothing wider than the window. */
export function checkEveryPageAt(viewport: (typeof VIEWPORTS)[keyof typeof VIEWPORTS]) {
  for (const theme of THEMES) {
    test.describe(`at ${viewport.width}×${viewport.height}, ${theme}`, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height }, colorScheme: theme });

      test.beforeEach(async ({ page }) => {
        // The theme is the system's unless chosen: what the page shows must be the theme under test.
        await page.goto('/errors');
        if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
        else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
      });

      test('the first-run prompt has no accessibility violations and fits the window', async ({ page }) => {
        await page.goto('/');
        await expect(page.getByRole('region', { name: 'Or use a sandbox demo account' })).toBeVisible();
        await expectNoViolations(page);
        await expectNoHorizontalScroll(page);
      });

      test('every page has no accessibility violations and fits the window', async ({ page, request }) => {
        test.setTimeout(150_000);
        const key = await createKey(request, 'growth');
        await connectWithKey(page, key);
        // A request of this key's own, for the page of one request.
        const log = await request.get('/api/v1/requests?limit=1', { headers: { 'X-API-Key': key } });
        const [latest] = ((await log.json()) as { requests: { request_id: string }[] }).requests;
        for (const target of PAGES) {
          await test.step(target.name, async () => {
            await page.goto(target.path.replace('{id}', latest?.request_id ?? 'none'));
            await expect(target.ready(page)).toBeVisible();
            await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
            // Soft: one run reports every page's problems, not the first page's alone.
            await expectNoViolations(page, { soft: true });
            await expectNoHorizontalScroll(page, { soft: true });
          });
        }
      });
    });
  }
}
