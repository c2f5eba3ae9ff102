import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startSecondSandbox, type SecondSandbox } from './hardening/second-sandbox';
import { loopback } from './worker-ports';

let sandbox: SecondSandbox;

test.use({
  baseURL: async ({ ports }, use) => use(loopback(ports.secondSandbox)),
  permissions: ['clipboard-read', 'clipboard-write'],
});
test.beforeAll(async ({ ports }) => {
  sandbox = await startSecondSandbox(ports.secondSandbox);
});
test.afterAll(async () => {
  await sandbox?.stop();
});

/** Where each canary was found, by place; a place searched with no hit still gets its count of bytes. */
class Haystacks {
  readonly searched = new Map<string, { items: number; bytes: number }>();
  readonly hits: string[] = [];
  constructor(private readonly needles: Record<string, string>) {}
  add(place: string, text: string | Buffer, { except = [] as string[] } = {}) {
    const entry = this.searched.get(place) ?? { items: 0, bytes: 0 };
    entry.items += 1;
    entry.bytes += text.length;
    this.searched.set(place, entry);
    for (const [name, needle] of Object.entries(this.needles)) {
      if (except.includes(name)) continue;
      if (text.includes(needle)) this.hits.push(`${name} in ${place}`);
    }
  }
}

test('a canary key, cookie and header are found nowhere they should not be', async ({ page, request, context }) => {
  test.setTimeout(120_000);
  const created = await request.post('/api/v1/sandbox/keys', { data: { plan: 'scale', balance_credits: 1000 } });
  expect(created.status()).toBe(201);
  const key = ((await created.json()) as { api_key: string }).api_key;
  const cookieCanary = `ckcanary${randomBytes(12).toString('hex')}`;
  const headerCanary = `hdcanary${randomBytes(12).toString('hex')}`;
  const haystacks = new Haystacks({ key, cookie: cookieCanary, header: headerCanary });

  const urls: string[] = [];
  context.on('request', (sent) => urls.push(sent.url()));
  const downloads: Buffer[] = [];
  page.on('download', (download) => {
    void download.path().then((file) => downloads.push(readFileSync(file)));
  });
  const snapshot = async (where: string) => {
    haystacks.add(`DOM (${where})`, await page.content());
    // Without "remember", sessionStorage is designed to hold the key (README, Security) so a reload keeps it: one
    // entry that is the key exactly is allowed. Anything else that holds it, and all of localStorage, is a leak.
    const storage = await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));
    const designed = Object.entries(storage.session).filter(([, value]) => value === key);
    expect(designed.length, 'sessionStorage entries that are the key').toBeLessThanOrEqual(1);
    const rest = {
      local: storage.local,
      session: Object.fromEntries(Object.entries(storage.session).filter(([, value]) => value !== key)),
    };
    haystacks.add('localStorage and sessionStorage (less the designed slot)', JSON.stringify(rest));
  };
  const open = async (page: Page, name: string) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  };

  // Connect without "Remember on this device": the key may then live in memory only.
  await page.goto('/');
  await page.getByLabel('API key', { exact: true }).fill(key);
  await expect(page.getByLabel('Remember on this device')).not.toBeChecked();
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await snapshot('overview');

  // A session with the cookie canary, from the dashboard; the header canary through the API (no form field for it).
  await open(page, 'Sessions');
  await page.getByRole('button', { name: 'New session' }).click();
  const dialog = page.getByRole('dialog', { name: 'New session' });
  await dialog.getByLabel('Name').fill('Canary session');
  await dialog.getByLabel('Domain').fill(`${sandbox.demoWeb}/members`);
  await dialog.getByLabel('Cookies').fill(`demo_session=${cookieCanary}`);
  await dialog.getByRole('button', { name: 'Save session' }).click();
  await expect(dialog).toBeHidden();
  const sessionId = new URL(page.url()).searchParams.get('session') ?? '';
  expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
  const refreshed = await request.post(`/api/v1/sessions/${sessionId}/refresh`, {
    headers: { 'X-API-Key': key },
    data: { headers: { 'X-Canary': headerCanary } },
  });
  expect(refreshed.status(), await refreshed.text()).toBe(200);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Canary session');
  await snapshot('sessions');

  // Scrape several presets and one with the stored session; read and copy the snippets.
  await open(page, 'Scrape');
  for (const preset of ['Plain article', 'Needs browser headers', 'Paywall']) {
    await page.getByRole('button', { name: preset, exact: true }).click();
    await page.getByRole('button', { name: 'Run scrape' }).click();
    await expect(page.getByRole('region', { name: 'Result' })).toContainText(/Tier \d|HTTP \d{3}/, { timeout: 20_000 });
    await snapshot(`scrape ${preset}`);
  }
  const scraped = await request.post('/api/v1/scrape', {
    headers: { 'X-API-Key': key },
    data: { url: `${sandbox.demoWeb}/members`, session_id: sessionId, sync: true },
  });
  haystacks.add('API answers', await scraped.text());
  for (const language of ['curl', 'Python', 'Node']) {
    await page.getByRole('tab', { name: language, exact: true }).click();
    await page.getByRole('button', { name: /^Copy the .* code$/ }).click();
    await expect(page.getByText('Copied')).toBeVisible();
    haystacks.add('snippets (clipboard)', await page.evaluate(() => navigator.clipboard.readText()));
  }
  await snapshot('scrape snippets');

  // The request log, exported both ways.
  await page.goto('/triage/log');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled({ timeout: 15_000 });
  for (const format of ['CSV', 'JSON']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Export ${format}` }).click();
    haystacks.add('exports', readFileSync((await (await download).path())!));
  }
  await snapshot('request log');
  for (const name of ['Webhooks', 'Settings', 'Triage', 'Usage']) {
    await page.goto(`/${name.toLowerCase()}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await snapshot(name);
  }

  // What the API says of the key's requests and sessions.
  for (const path of ['/api/v1/requests', `/api/v1/sessions/${sessionId}`, '/api/v1/sessions']) {
    haystacks.add('API answers', await (await request.get(path, { headers: { 'X-API-Key': key } })).text());
  }
  await page.close();

  for (const url of urls) haystacks.add('request URLs', url);
  for (const bytes of downloads) haystacks.add('downloads', bytes);
  // The server writes its log as it goes; the key was sent on every request above.
  haystacks.add('server log (LOG_LEVEL=debug)', readFileSync(sandbox.logFile));
  const database = readdirSync(sandbox.dataDir).filter((file) => /\.(db|sqlite)(-wal|-shm)?$/.test(file));
  expect(database.length).toBeGreaterThan(0);
  for (const file of database) haystacks.add('database and WAL', readFileSync(path.join(sandbox.dataDir, file)));
  expect(existsSync(sandbox.logFile)).toBe(true);

  const figures = [...haystacks.searched].map(
    ([place, { items, bytes }]) => `${place}: ${items} items, ${bytes} bytes`,
  );
  console.log(`secrets canary: searched\n  ${figures.join('\n  ')}\nhits: ${haystacks.hits.length}`);
  expect(urls.length).toBeGreaterThan(20);
  expect(haystacks.hits).toEqual([]);
});
