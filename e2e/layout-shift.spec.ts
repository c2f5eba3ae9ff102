import type { Page } from '@playwright/test';
import { GROWTH_KEY, expect, test } from './fixtures';

/** Where src/api/credentials-store.ts keeps a key the user asked to remember on this device. */
const KEY_SLOT = 'scrape-dashboard.api-key';

type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] };

/**
 * Before any page script: every layout shift of the load (what Lighthouse adds up as CLS), each with the elements
 * that moved, so a failure names them.
 */
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    const seen = { total: 0, shifts: [] as string[] };
    (window as unknown as { __shifts: typeof seen }).__shifts = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (entry.hadRecentInput) continue;
        seen.total += entry.value;
        const moved = (entry.sources ?? []).map((source) => {
          const { previousRect: a, currentRect: b } = source as unknown as Record<string, DOMRectReadOnly>;
          const node = source.node as Element | null | undefined;
          const name = node?.outerHTML?.slice(0, 80) ?? `#text ${node?.textContent?.slice(0, 40)}`;
          return `${name} (${a?.x},${a?.y} ${a?.width}x${a?.height} -> ${b?.x},${b?.y} ${b?.width}x${b?.height})`;
        });
        seen.shifts.push(`${entry.value.toFixed(4)}: ${moved.join(' | ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const recorded = (page: Page) =>
  page.evaluate(() => (window as unknown as { __shifts: { total: number; shifts: string[] } }).__shifts);

/** A reload with a remembered key, as a returning user (and the bench's connected Lighthouse run) opens the page. */
async function openRemembered(page: Page, path: string) {
  await page.goto('/api/v1/sandbox/info');
  await page.evaluate(([slot, key]) => localStorage.setItem(slot!, key!), [KEY_SLOT, GROWTH_KEY]);
  await recordShifts(page);
  await page.goto(path);
}

test.describe('nothing moves while a connected page loads (phone)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the overview: panels keep their place as their data arrives', async ({ page }) => {
    await openRemembered(page, '/');
    const meter = page.getByRole('region', { name: 'Rate limit', exact: true });
    await expect(meter.getByTestId('rate-limit-remaining')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Recent requests' }).getByRole('table')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Usage' }).getByText(/today/i).first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Sessions needing attention' })).not.toContainText(/loading/i);
    const { total, shifts } = await recorded(page);
    expect(shifts).toEqual([]);
    expect(total).toBe(0);
  });

  test('the scrape page: the form, the demo presets and the meter keep their place', async ({ page }) => {
    await openRemembered(page, '/scrape');
    const meter = page.getByRole('region', { name: 'Rate limit', exact: true });
    await expect(meter.getByTestId('rate-limit-remaining')).toBeVisible();
    await expect(page.getByRole('region', { name: /demo/i }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run scrape' })).toBeVisible();
    const { total, shifts } = await recorded(page);
    expect(shifts).toEqual([]);
    expect(total).toBe(0);
  });
});
