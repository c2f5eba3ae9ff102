import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const GROWTH_KEY = 'sk_test_growth00000000000000000000000000';

/** A fresh free account on the real sandbox, so a test owns its own rate limit and ledger. */
export async function createKey(request: APIRequestContext, plan = 'free'): Promise<string> {
  const response = await request.post('/api/v1/sandbox/keys', { data: { plan, balance_credits: 1000 } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { api_key: string }).api_key;
}

/** Connects the dashboard the way a user does: paste the key, press Connect. */
export async function connectWithKey(page: Page, key: string) {
  await page.goto('/');
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
}

export async function advanceSandboxClock(request: APIRequestContext, seconds: number) {
  const response = await request.post('/api/v1/sandbox/clock', { data: { advance_seconds: seconds } });
  expect(response.ok()).toBe(true);
}

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * axe over the whole page as it is now: every page and state must come out clean. The rendered scraped page
 * is the target site's markup, in a frame where no script may run (axe's included), so it is left out.
 */
export async function expectNoViolations(page: Page, { soft = false } = {}) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).exclude('iframe[title="Rendered page"]').analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  (soft ? expect.soft(found) : expect(found)).toEqual([]);
}
