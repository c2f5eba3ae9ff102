import type { APIRequestContext, Page } from '@playwright/test';
import { connectWithKey, createKey, expect, test } from './fixtures';
import {
  corpusLinks,
  expectNoEscapes,
  resetBeacons,
  tallyAfterControl,
  watchForEscapes,
  beaconTally,
} from './hardening/escape-watch';
import { loopback, type WorkerPorts } from './worker-ports';

const result = (page: Page) => page.getByRole('region', { name: 'Result' });

/**
 * Scrapes each picked payload from the dashboard and opens every result tab on it, then reads the escapes and,
 * behind the control beacon, the beacon count.
 */
async function showInEveryTab(
  page: Page,
  request: APIRequestContext,
  ports: WorkerPorts,
  pick: (position: number) => boolean,
) {
  const demoWeb = loopback(ports.demoWeb);
  const corpus = await corpusLinks(request, demoWeb);
  expect(corpus.length).toBeGreaterThanOrEqual(50);
  const shown = corpus.map((entry, index) => ({ ...entry, number: index + 1 })).filter((_, index) => pick(index));
  await resetBeacons(request, demoWeb);
  const escapes = watchForEscapes(page, loopback(ports.sandbox));
  await connectWithKey(page, await createKey(request, 'scale'));
  await page.getByRole('link', { name: 'Scrape', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scrape' })).toBeVisible();
  for (const format of ['HTML', 'Text', 'Markdown', 'JSON', 'Raw HTML']) {
    await page.getByRole('checkbox', { name: format, exact: true }).check();
  }

  let tabsShown = 0;
  for (const { path, number } of shown) {
    await page.getByLabel('URL to scrape').fill(`${demoWeb}${path}`);
    await page.getByRole('button', { name: 'Run scrape' }).click();
    const marker = `Corpus payload ${number}:`;
    const frame = result(page).locator('iframe[title="Rendered page"]');
    await expect(frame.contentFrame().getByRole('heading', { name: marker }), path).toBeVisible({ timeout: 20_000 });
    tabsShown++;
    for (const name of ['HTML source', 'Markdown', 'Text', 'JSON', 'Raw HTML']) {
      const tab = result(page).getByRole('tab', { name, exact: true });
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(result(page).getByRole('tabpanel')).toBeVisible();
      tabsShown++;
    }
    // The source is shown as text: the payload's own marker is there to read.
    await expect(result(page).getByRole('tabpanel')).toContainText(marker);
  }

  const tally = await tallyAfterControl(page, request, demoWeb);
  expect(tally).toEqual({ count: 0, via: {} });
  expectNoEscapes(escapes);
  await expect(page).toHaveTitle('Scrape · Scrape Dashboard');
  console.log(
    `hostile corpus: ${shown.length} of ${corpus.length} payloads, ${tabsShown} tab views, ` +
      `${escapes.ownRequests} dashboard requests, ${escapes.blockedByCsp} attempts refused by the frame's CSP, ` +
      `0 dialogs, 0 payload console lines, 0 off-origin requests, 0 beacon hits`,
  );
}

// npm test shows every third payload; `npm run test:hardening:e2e` shows them all (the @hardening-full tag is left
// out of plain runs by playwright.config.ts).
test('a third of the corpus, shown in every result tab, runs no script and sends nothing out', async ({
  page,
  request,
  ports,
}) => {
  test.setTimeout(90_000);
  await showInEveryTab(page, request, ports, (index) => index % 3 === 0);
});

test('every corpus payload, shown in every result tab, runs no script and sends nothing out @hardening-full', async ({
  page,
  request,
  ports,
}) => {
  test.setTimeout(180_000);
  await showInEveryTab(page, request, ports, () => true);
});

test('opened bare, the corpus does fire: the beacon counter and the payloads are live', async ({
  page,
  request,
  demoWeb,
}) => {
  test.setTimeout(60_000);
  const corpus = await corpusLinks(request, demoWeb);
  await resetBeacons(request, demoWeb);
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
  // A page that keeps loading (a stream, a refresh) is left after a moment; what it sent by then is counted.
  for (const { path } of corpus) {
    await page.goto(`${demoWeb}${path}`, { waitUntil: 'load', timeout: 2_000 }).catch(() => undefined);
  }
  await page.goto('about:blank');
  const tally = await tallyAfterControl(page, request, demoWeb);
  const fired = new Set(Object.keys(tally.via).map((via) => via.replace(/^[cp]/, '')));
  console.log(`hostile corpus opened bare: ${fired.size} of ${corpus.length} payloads phoned home`);
  expect(fired.size).toBeGreaterThanOrEqual(30);
});

test('scraped with mode js, the sandbox browser reaches no other local address', async ({ request, demoWeb }) => {
  test.setTimeout(90_000);
  const key = await createKey(request, 'scale');
  const corpus = await corpusLinks(request, demoWeb);
  const subset = corpus.filter(({ kind }) =>
    /private address|inline script|iframe src$|form autosubmit|meta refresh$|css @import|link prefetch|WebRTC|sendBeacon|EventSource/.test(
      kind,
    ),
  );
  expect(subset.length).toBeGreaterThanOrEqual(8);
  await resetBeacons(request, demoWeb);
  const outcomes: string[] = [];
  for (const { path } of subset) {
    const response = await request.post('/api/v1/scrape', {
      headers: { 'X-API-Key': key },
      data: { url: `${demoWeb}${path}`, mode: 'js', sync: true },
      timeout: 60_000,
    });
    // A page that navigates itself to a private address is refused mid-load: the scrape fails, the address unreached.
    outcomes.push(
      `${path} ${response.status()} ${response.ok() ? '' : ((await response.json()) as { error: string }).error}`,
    );
  }
  // The scrapes have finished, so every request their pages made has been made: the own-origin beacons are the
  // positive control that the pages' scripts ran, the private ones must be absent.
  const { via } = await beaconTally(request, demoWeb);
  const own = Object.keys(via).filter((name) => name.startsWith('c'));
  const reachedPrivate = Object.keys(via).filter((name) => name.startsWith('p'));
  console.log(
    `mode js: ${subset.length} payloads, ${own.length} fired on their own origin, ${reachedPrivate.length} reached a private address`,
  );
  console.log(outcomes.join('\n'));
  expect(own.length).toBeGreaterThanOrEqual(3);
  expect(reachedPrivate).toEqual([]);
});

test('hostile names, cookie names, URLs and errors on the triage, session and webhook pages stay text', async ({
  page,
  request,
  ports,
  demoWeb,
}) => {
  test.setTimeout(90_000);
  const key = await createKey(request, 'scale');
  const headers = { 'X-API-Key': key };
  const xss = (n: string) => `"><img src=x onerror="alert('PWNED-${n}')"><svg onload=alert('PWNED-${n}')>`;
  const beaconTag = `<img src="${demoWeb}/beacon?via=shown">`;

  // A scrape whose URL carries markup: the request log and the request page show that URL.
  const scraped = await request.post('/api/v1/scrape', {
    headers,
    data: { url: `${demoWeb}/hostile/corpus/1?q=${encodeURIComponent(xss('url') + beaconTag)}`, sync: true },
  });
  expect(scraped.status()).toBe(200);
  const requestId = scraped.headers()['x-request-id']!;
  const failed = await request.post('/api/v1/scrape', {
    headers,
    data: { url: `${demoWeb}/antibot?q=${encodeURIComponent(xss('antibot'))}` },
  });
  const failedBody = await failed.text();

  const session = await request.post('/api/v1/sessions', {
    headers,
    data: {
      name: xss('session').slice(0, 100),
      domain: '127.0.0.1',
      cookies: { "'+alert`PWNED`+'": 'x', 'x$|^~`onload': 'y' },
      headers: { 'X-Hostile': xss('header') + beaconTag },
      notes: xss('notes') + beaconTag + '[md](javascript:alert(1))',
    },
  });
  expect(session.status(), await session.text()).toBe(201);
  const webhook = await request.post('/api/v1/user-webhooks', {
    headers,
    data: {
      url: `${loopback(ports.webhookReceiver)}/${encodeURIComponent('"><img src=x onerror=alert(1)>')}?a=<script>alert(1)</script>`,
      events: ['job.completed'],
      name: xss('webhook').slice(0, 100),
    },
  });
  expect(webhook.status(), await webhook.text()).toBeLessThan(300);

  await resetBeacons(request, demoWeb);
  const escapes = watchForEscapes(page, loopback(ports.sandbox));
  await connectWithKey(page, key);
  const views: [string, RegExp | string][] = [
    ['/triage/log', /hostile\/corpus\/1/],
    [`/triage/requests/${requestId}`, /hostile\/corpus\/1/],
    ['/sessions', 'img src=x'],
    ['/webhooks', 'img src=x'],
  ];
  for (const [path, shown] of views) {
    await page.goto(path);
    await expect(page.getByRole('main'), path).toContainText(shown, { timeout: 15_000 });
  }
  // The session's own panel lists its cookie and header names, and its notes.
  const sessionId = ((await session.json()) as { id: string }).id;
  await page.goto(`/sessions?session=${sessionId}`);
  await expect(page.getByRole('main')).toContainText("'+alert`PWNED`+'", { timeout: 15_000 });
  await page.goto('/triage');
  await page
    .getByRole('textbox', { name: 'Paste an error' })
    .fill(failedBody.replace('"BLOCKED', `"${xss('body')}BLOCKED`));
  await page.getByRole('button', { name: 'Decode' }).click();
  await page.getByRole('textbox', { name: 'Paste an error' }).fill(failedBody);
  await page.getByRole('button', { name: 'Decode' }).click();
  await expect(page.getByRole('region', { name: 'You pasted an error body' })).toBeVisible();

  expectNoEscapes(escapes);
  expect(await tallyAfterControl(page, request, demoWeb)).toEqual({ count: 0, via: {} });
});
