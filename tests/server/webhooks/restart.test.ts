import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeliverySummary } from '../../../contract/webhooks';
import { startTestServer, type TestServer } from '../../support/test-server';
import { startReceiver, waitForDelivery } from './receiver';

const dataDir = mkdtempSync(path.join(tmpdir(), 'webhooks-restart-'));
const receiver = await startReceiver(() => ({ status: 500 }));
afterAll(async () => {
  await receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
});

let key = '';
function accountId(server: TestServer) {
  const found = server.app.accounts.findByKey(key);
  if (found.kind !== 'ok') throw new Error('no account');
  return found.account.id;
}

describe('pending deliveries across a restart', () => {
  it('are sent by the next server at their stored time, with the attempts already made kept', async () => {
    // A long back-off: the first server stops while the delivery waits for its second attempt.
    const first = await startTestServer({ dataDir, webhookAllowedOrigins: [receiver.origin], webhookRetryBaseMs: 300 });
    key = await first.newKey('high_volume');
    const created = await first.call('/user-webhooks', {
      method: 'POST',
      key,
      json: { url: receiver.url, events: ['job.completed'] },
    });
    const webhook = (await created.json()) as { id: string };
    const queued = (await (
      await first.call(`/user-webhooks/${webhook.id}/test`, { method: 'POST', key, json: {} })
    ).json()) as DeliverySummary;
    const attempts = () => first.app.webhooks.delivery(accountId(first), webhook.id, queued.id).attempt_count;
    while (attempts() === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await first.close();

    receiver.behave(() => ({ status: 200 }));
    const second = await startTestServer({ dataDir, webhookAllowedOrigins: [receiver.origin] });
    try {
      const delivery = await waitForDelivery(second, accountId(second), webhook.id, queued.id);
      expect(delivery.status).toBe('delivered');
      expect(delivery.attempts.map((attempt) => attempt.status_code)).toEqual([500, 200]);
    } finally {
      await second.close();
    }
  });
});
