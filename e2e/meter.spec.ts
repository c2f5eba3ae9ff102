import type { APIRequestContext, Page } from '@playwright/test';
import { advanceSandboxClock, connectWithKey, createKey, expect, test } from './fixtures';

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * Before any page script: every text the meter ever shows, and the layout shifts of the header's elements (a
 * shift whose moved nodes lie in the header). Read with `recorded(page)`.
 */
async function recordMeterAndShifts(page: Page) {
  await page.addInitScript(() => {
    const seen = { meterTexts: [] as string[], headerShift: 0, shifts: [] as string[] };
    (window as unknown as { __meter: typeof seen }).__meter = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="rate-limit-meter"]')?.textContent;
      if (text && seen.meterTexts.at(-1) !== text) seen.meterTexts.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
    type Shift = PerformanceEntry & { value: number; sources?: { node?: Node | null }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        const inHeader = (entry.sources ?? []).filter((source) => source.node?.parentElement?.closest('header'));
        if (inHeader.length === 0) continue;
        seen.headerShift += entry.value;
        seen.shifts.push(
          inHeader
            .map((source) => {
              const { previousRect: a, currentRect: b } = source as unknown as Record<string, DOMRectReadOnly>;
              const name = (source.node as Element).outerHTML?.slice(0, 60) ?? `#text ${source.node?.textContent}`;
              return `${name} (${a?.x},${a?.y},${a?.width}x${a?.height} -> ${b?.x},${b?.y},${b?.width}x${b?.height})`;
            })
            .join(' | '),
        );
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const recorded = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __meter: { meterTexts: string[]; headerShift: number; shifts: string[] } }).__meter,
  );

/** Spends the rest of the key's minute from outside the dashboard, a burst a second, until the API refuses. */
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

for (const viewport of VIEWPORTS) {
  test.describe(`the header meter (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('an exhausted free key shows 0 / 30 and its plan on every page, never the pre-auth 500', async ({
      page,
      request,
    }) => {
      const key = await createKey(request, 'free');
      await connectWithKey(page, key);
      await exhaust(request, key);
      await recordMeterAndShifts(page);

      const meter = page.getByRole('region', { name: 'Rate limit', exact: true });
      for (const path of ['/settings', '/errors', '/scrape']) {
        await page.goto(path);
        await expect(meter.getByTestId('rate-limit-remaining')).toHaveText('0 / 30');
        await expect(meter).toContainText('Exhausted:');
        await expect(meter.getByTestId('rate-limit-plan')).toContainText('Free plan');
        await expect(meter).toContainText(/burst \d \/ 5 a second/);
        // /settings and /scrape ask GET /sandbox/info without the key, answered from the pre-auth bucket.
        if (path !== '/errors') await expect(page.getByRole('region', { name: /demo/i }).first()).toBeVisible();
        const { meterTexts } = await recorded(page);
        expect(
          meterTexts.filter((text) => /\/ 500\b/.test(text)),
          path,
        ).toEqual([]);
      }
    });

    test('a high-volume key’s three-digit counts fit the box: no line of the meter is cut off', async ({
      page,
      request,
    }) => {
      const key = await createKey(request, 'high_volume');
      await connectWithKey(page, key);
      await page.goto('/settings');
      const meter = page.getByRole('region', { name: 'Rate limit', exact: true });
      const share = meter.getByTestId('rate-limit-dashboard-share');
      await expect(share).toContainText(/by the dashboard: +\d+ of +\d+ calls?/);
      const [box, line] = [await meter.boundingBox(), await share.boundingBox()];
      expect(box && line).toBeTruthy();
      expect(line!.x + line!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5);
      expect(line!.y + line!.height).toBeLessThanOrEqual(box!.y + box!.height + 0.5);
    });

    test('the header does not shift while the page loads, and its first row does not wrap', async ({
      page,
      request,
    }) => {
      const key = await createKey(request, 'free');
      await connectWithKey(page, key);
      await recordMeterAndShifts(page);

      for (const path of ['/', '/scrape', '/settings']) {
        await advanceSandboxClock(request, 1.01); // a fresh burst for each page's first calls
        await page.goto(path);
        const meter = page.getByRole('region', { name: 'Rate limit', exact: true });
        await expect(meter.getByTestId('rate-limit-remaining')).toHaveText(/^\d+ \/ 30$/);
        await expect(meter.getByTestId('rate-limit-plan')).toHaveText(/Free plan/);
        await expect(meter.getByTestId('rate-limit-dashboard-share').first()).toContainText(
          /by the dashboard: +\d+ of +\d+ calls?/,
        );
        await expect(
          page
            .getByTestId('badge-plan')
            .or(page.getByRole('link', { name: /API key .*: settings/ }))
            .first(),
        ).toBeVisible();
        // Let late answers land (the key badge's plan, the page's panels) before reading the shifts.
        await page.waitForLoadState('networkidle');
        const { headerShift, shifts } = await recorded(page);
        expect(shifts, path).toEqual([]);
        expect(headerShift, path).toBe(0);

        const title = await page.getByRole('link', { name: 'Scrape Dashboard' }).boundingBox();
        const badge = await page.getByRole('link', { name: /API key .*: settings/ }).boundingBox();
        expect(title && badge && Math.abs(title.y + title.height / 2 - (badge.y + badge.height / 2))).toBeLessThan(8);
        const box = await meter.boundingBox();
        expect(box && box.x + box.width).toBeLessThanOrEqual(viewport.width);
      }
    });
  });
}
