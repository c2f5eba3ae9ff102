import { connectWithKey, createKey, expect, test } from './fixtures';

// A policy a host may put in front of the dashboard: scripts from the origin (and index.html's inline theme script),
// nothing evaluated from strings. zod compiles its parsers with `new Function` unless told not to (zod-config.ts).
const STRICT_SCRIPTS = "script-src 'self' 'unsafe-inline'";

test('the dashboard runs a scrape and shows its guidance under a policy that forbids eval', async ({
  page,
  request,
}) => {
  await page.route(
    (url) => !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/assets/'),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_SCRIPTS } });
    },
  );
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

  await connectWithKey(page, await createKey(request, 'scale'));
  await page.getByRole('link', { name: 'Scrape', exact: true }).click();
  await page.getByRole('button', { name: 'Anti-bot block', exact: true }).click();
  await page.getByRole('button', { name: 'Run scrape' }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByTestId('guidance-card')).toContainText('BLOCKED_BY_ANTIBOT · HTTP 403', { timeout: 30_000 });

  await page.getByRole('button', { name: 'Plain article', exact: true }).click();
  await page.getByRole('button', { name: 'Run scrape' }).click();
  await expect(result.getByRole('tablist', { name: 'Scraped content' })).toBeVisible({ timeout: 30_000 });

  expect(await violations()).toEqual([]);
});
