import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { connectWithKey, createKey, expectNoViolations, expect, test } from './fixtures';
import { loopback } from './worker-ports';

/** A real receiver: /ok answers 200, /down answers 500 until `downRecovers` is set. */
let receiver: Server;
// The origin playwright.config.ts names in this worker's WEBHOOK_ALLOWED_ORIGINS: the sandbox refuses other ones.
let receiverOrigin: string;
let downRecovers = false;
const received: { path: string; signature: string | undefined; body: string }[] = [];
test.beforeAll(async ({ ports }) => {
  receiverOrigin = loopback(ports.webhookReceiver);
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const signature = request.headers['x-alterlab-signature'];
      received.push({
        path: request.url ?? '',
        signature: signature as string | undefined,
        body: Buffer.concat(chunks).toString(),
      });
      const ok = request.url === '/ok' || downRecovers;
      response.writeHead(ok ? 200 : 500, { 'content-type': 'text/plain' }).end(ok ? 'received' : 'receiver is down');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(ports.webhookReceiver, '127.0.0.1', resolve));
});
test.afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

async function createWebhook(page: Page, path: string, name: string) {
  await page.getByRole('button', { name: 'New webhook' }).click();
  const dialog = page.getByRole('dialog', { name: 'New webhook' });
  await dialog.getByLabel('URL').fill(`${receiverOrigin}${path}`);
  await dialog.getByLabel('Name (optional)').fill(name);
  await dialog.getByRole('button', { name: 'Create webhook' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Signing secret' });
  await expect(secretDialog.getByLabel('Signing secret')).toHaveText(/^whsec_/);
  await secretDialog.getByRole('button', { name: 'I have stored it' }).click();
  await expect(secretDialog).toBeHidden();
}

/** "Failed since" is read as UTC, like the delivery log's times: a minute as a datetime-local field takes it. */
const utcMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16);

const deliveries = (page: Page) => page.getByRole('table', { name: /^Deliveries/ });
const attempts = (page: Page) => page.getByRole('table', { name: /^Attempts/ });

test('a webhook to a real receiver: test event delivered, a failing one retried, then resent', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const key = await createKey(request, 'growth');
  await connectWithKey(page, key);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();

  // A receiver that answers: the test event is delivered at the first attempt, signed.
  await createWebhook(page, '/ok', 'Works');
  await page.getByRole('button', { name: 'Send test event' }).click();
  await expect(deliveries(page).getByRole('row').nth(1)).toContainText('Delivered', { timeout: 15_000 });
  await deliveries(page).getByRole('row').nth(1).getByRole('link').click();
  await expect(attempts(page).getByRole('row').nth(1)).toContainText('HTTP 200');
  await expect(attempts(page).getByRole('row').nth(1)).toContainText('received');
  expect(received.find((hit) => hit.path === '/ok')?.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"test": true');
  await expectNoViolations(page);

  // A receiver that fails: three attempts, each recorded with its status, then failed.
  await page.getByRole('link', { name: 'Webhooks' }).first().click();
  await createWebhook(page, '/down', 'Fails');
  await page.getByRole('button', { name: 'Send test event' }).click();
  await expect(deliveries(page).getByRole('row').nth(1)).toContainText('Failed', { timeout: 20_000 });
  await deliveries(page).getByRole('row').nth(1).getByRole('link').click();
  await expect(attempts(page).getByRole('row')).toHaveCount(4);
  for (const row of [1, 2, 3]) await expect(attempts(page).getByRole('row').nth(row)).toContainText('HTTP 500');
  await expect(attempts(page)).toContainText('receiver is down');
  await expect(page.getByRole('row', { name: /Fails/ })).toContainText('0 % (0 of 1)');

  // The receiver is fixed: resend delivers the same body as a new delivery.
  downRecovers = true;
  await page.getByRole('button', { name: 'Resend this delivery' }).click();
  await expect(attempts(page).getByRole('row').nth(1)).toContainText('HTTP 200', { timeout: 15_000 });
  await expect(deliveries(page)).toContainText('(resend)');

  // It fails again: a recovery since an hour ago counts the one failed delivery not yet resent, then resends it.
  downRecovers = false;
  await page.getByRole('button', { name: 'Send test event' }).click();
  await expect(deliveries(page).getByRole('row').nth(1)).toContainText('Failed', { timeout: 20_000 });
  downRecovers = true;
  await page.getByLabel('Failed since (UTC)').fill(utcMinute(Date.now() - 3_600_000));
  await expect(page.getByText('1 failed delivery since then would be resent.')).toBeVisible();
  await page.getByRole('button', { name: 'Resend 1 failed delivery' }).click();
  await expect(page.getByText('1 failed delivery sent again')).toBeVisible();
  await expect(deliveries(page).getByRole('row').nth(1)).toContainText('Delivered', { timeout: 15_000 });
  await expectNoViolations(page);
});

for (const [width, height] of [
  [1440, 900],
  [390, 844],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the webhooks page passes axe at ${width}×${height} in the ${colorScheme} theme`, async ({
      page,
      request,
    }) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      const key = await createKey(request, 'growth');
      const created = await request.post('/api/v1/user-webhooks', {
        headers: { 'X-API-Key': key },
        data: { url: `${receiverOrigin}/ok`, events: ['job.completed'], name: 'Axe' },
      });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const queued = await request.post(`/api/v1/user-webhooks/${id}/test`, {
        headers: { 'X-API-Key': key },
        data: {},
      });
      const { id: deliveryId } = (await queued.json()) as { id: string };
      await connectWithKey(page, key);
      await page.goto(`/webhooks?webhook=${id}&delivery=${deliveryId}`);
      await expect(attempts(page).getByRole('row').nth(1)).toContainText('HTTP 200', { timeout: 15_000 });
      await expectNoViolations(page);
      // Nothing sticks out sideways: the payload and the snippets wrap, the tables scroll inside their frames.
      const widths = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      await page.getByRole('button', { name: 'New webhook' }).click();
      await page.getByRole('dialog', { name: 'New webhook' }).getByRole('button', { name: 'Create webhook' }).click();
      await expect(
        page.getByRole('dialog', { name: 'New webhook' }).getByText('Enter the URL that receives the events'),
      ).toBeVisible();
      await expectNoViolations(page);
    });
  }
}
