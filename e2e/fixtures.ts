import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { loopback, SANDBOXES, workerPorts, type WorkerPorts } from './worker-ports';

export { expect };

interface SlotFixtures {
  ports: WorkerPorts;
  /** The demo web (the scraper's targets, the beacon counter) of this worker's sandbox. */
  demoWeb: string;
}

/**
 * Specs import `test` from here, not from '@playwright/test': a worker drives the sandbox of its slot, so a file
 * runs against whichever sandbox its worker owns and the two never share state.
 */
export const test = base.extend<object, SlotFixtures>({
  ports: [
    // Playwright reads the fixtures a function needs from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const slot = workerInfo.parallelIndex;
      if (slot >= SANDBOXES) throw new Error(`worker slot ${slot} has no sandbox: run at most ${SANDBOXES} workers`);
      await use(workerPorts(slot));
    },
    { scope: 'worker' },
  ],
  demoWeb: [async ({ ports }, use) => use(loopback(ports.demoWeb)), { scope: 'worker' }],
  baseURL: async ({ ports }, use) => use(loopback(ports.sandbox)),
});

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
