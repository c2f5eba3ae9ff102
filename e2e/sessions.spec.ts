import type { Locator, Page } from '@playwright/test';
import { createKey, expectNoViolations, expect, test } from './fixtures';

/** Presses Tab (or Shift+Tab) until `target` has the focus: how someone without a mouse gets there. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}) {
  for (let step = 0; step < max; step++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
const result = (page: Page) => page.getByRole('region', { name: 'Result' });

test('a stored session from a cookies.txt paste: scrape with it, validate, delete, and the 410 after', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const key = await createKey(request, 'scale');
  const info = (await (await request.get('/api/v1/sandbox/info')).json()) as { demo_web_url: string };
  const members = `${info.demo_web_url}/members`;
  const host = new URL(info.demo_web_url).hostname;
  const inTwoDays = Math.floor(Date.now() / 1000) + 2 * 86_400;
  const cookiesTxt = [
    '# Netscape HTTP Cookie File',
    `${host}\tFALSE\t/\tFALSE\t${inTwoDays}\tdemo_session\tvalid`,
    `.example.com\tTRUE\t/\tFALSE\t0\ttracker\tx1`,
    '',
  ].join('\n');

  // Connect, from the keyboard.
  await page.goto('/');
  await tabTo(page, page.getByLabel('API key', { exact: true }));
  await page.keyboard.type(key);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('balance')).toBeVisible();

  // Create the session from the paste; the preview shows what will be saved before anything is.
  await tabTo(page, nav(page, 'Sessions'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  await expect(page.getByTestId('session-limit')).toHaveText(/^0 of 50/);
  await tabTo(page, page.getByRole('button', { name: 'New session' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New session' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Demo members');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Domain')).toBeFocused();
  await page.keyboard.type(members);
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Cookies')).toBeFocused();
  await page.keyboard.insertText(cookiesTxt);
  await expect(dialog.getByTestId('cookie-summary')).toHaveText(
    'Read as a Netscape cookies.txt: 1 cookie to save, 1 left out.',
  );
  await expect(dialog.getByRole('list', { name: 'Cookie names' })).toHaveText('demo_session');
  await expect(dialog).toContainText('tracker (.example.com): another domain');
  await expect(dialog).toContainText(/Earliest expiry: .*\(in (1|2) d\), used as the session’s expiry/);
  await expectNoViolations(page);
  await tabTo(page, dialog.getByRole('button', { name: 'Save session' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 3, name: 'Demo members' })).toBeFocused();
  const sessionId = new URL(page.url()).searchParams.get('session') ?? '';
  expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
  const row = page.getByRole('row', { name: /Demo members/ });
  await expect(row).toContainText('demo_session');
  await expect(row).toContainText(/expires in (1|2) d/);
  await expect(page.getByTestId('session-limit')).toHaveText(/^1 of 50/);
  await expectNoViolations(page);

  // Scrape the members page with it: the picker lists it first for this host.
  await tabTo(page, nav(page, 'Scrape'), { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('URL to scrape'));
  await page.keyboard.type(members);
  const picker = page.getByLabel('Stored session');
  await expect(picker.locator('optgroup', { hasText: 'Demo members' })).toHaveAttribute('label', `For ${host}`);
  await tabTo(page, picker);
  await page.keyboard.press('ArrowDown');
  await expect(picker).toHaveValue(sessionId);
  await tabTo(page, page.getByRole('button', { name: 'Run scrape' }));
  await page.keyboard.press('Enter');
  await expect(result(page)).toContainText('Members area', { timeout: 20_000 });
  await expect(result(page).getByTestId('guidance-card')).toHaveCount(0);

  // Validate it: still logged in, and what the check saw.
  await tabTo(page, nav(page, 'Sessions'), { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Demo members' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: 'Demo members' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Validate now' }));
  await page.keyboard.press('Enter');
  const verdict = page.getByRole('region', { name: 'Validation result' });
  await expect(verdict).toContainText('Still logged in', { timeout: 20_000 });
  await expect(verdict).toContainText(members);
  await expect(page.getByRole('table', { name: 'The latest requests that used this session' })).toContainText(
    'POST /api/v1/scrape',
  );
  await expectNoViolations(page);

  // Delete it, after the confirmation (whose focus starts on Cancel).
  await tabTo(page, page.getByRole('button', { name: 'Delete', exact: true }));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Delete “Demo members”?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoViolations(page);
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Delete session' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Session “Demo members” deleted/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeFocused();
  await expect(page.getByTestId('session-limit')).toHaveText(/^0 of 50/);

  // Scrape again with the same id: 410 SESSION_INACTIVE, and its fix.
  await tabTo(page, nav(page, 'Scrape'), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Stored session')).toHaveValue(sessionId);
  await tabTo(page, page.getByRole('button', { name: 'Run scrape' }));
  await page.keyboard.press('Enter');
  const card = result(page).getByTestId('guidance-card');
  await expect(card).toContainText('SESSION_INACTIVE · HTTP 410', { timeout: 20_000 });
  await expect(card.getByRole('link', { name: 'Create a session for this domain' })).toHaveAttribute(
    'href',
    `/sessions?domain=${host}&create=true&check=${encodeURIComponent(members)}`,
  );
  await expectNoViolations(page);
  await tabTo(page, card.getByRole('button', { name: 'Remove the stored session (session_id)' }));
  await page.keyboard.press('Enter');
  // Without a session the members page is a login wall, and the guidance offers a stored session for it.
  await expect(card).toContainText('REQUIRES_AUTH · HTTP 401', { timeout: 20_000 });
  await expect(card.getByRole('button', { name: 'Use a stored session for this domain' })).toBeVisible();
});

test('the sessions page, its forms and the overview panel have no accessibility violations', async ({
  page,
  request,
}) => {
  const key = await createKey(request, 'scale');
  await page.goto('/');
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Sessions needing attention' })).toContainText('No stored sessions.');
  await expectNoViolations(page);
  await page.goto('/sessions?status=cleanup');
  await expect(page.getByText('No session matches these filters.')).toBeVisible();
  await expectNoViolations(page);
  await page.goto('/sessions?create=true');
  await page.getByRole('button', { name: 'Save session' }).press('Enter');
  await expect(page.getByText('Give the session a name')).toBeVisible();
  await expectNoViolations(page);
});
