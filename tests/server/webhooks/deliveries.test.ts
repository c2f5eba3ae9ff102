import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery, DeliverySummary, RecoverResult } from '../../../contract/webhooks';
import { startTestServer, type TestServer } from '../../support/test-server';
import { startReceiver, waitForDelivery } from './receiver';

// Short waits so retries and the time limit run in milliseconds; the 10 s default is checked in webhooks-api.test.ts.
const TIMEOUT_MS = 1000;
let server: TestServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let key: string;
let accountId: string;
beforeAll(async () => {
  receiver = await startReceiver();
  server = await startTestServer({
    webhookAllowedOrigins: [receiver.origin],
    webhookRetryBaseMs: 20,
    webhookTimeoutMs: TIMEOUT_MS,
  });
  key = await server.newKey('high_volume');
  const found = server.app.accounts.findByKey(key);
  if (found.kind !== 'ok') throw new Error('no account');
  accountId = found.account.id;
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

async function newWebhook(path: string) {
  const response = await server.call('/user-webhooks', {
    method: 'POST',
    key,
    json: { url: `${receiver.origin}${path}`, events: ['job.completed', 'job.failed'] },
  });
  return (await response.json()) as { id: string; secret: string };
}
async function sendTest(webhookId: string) {
  const response = await server.call(`/user-webhooks/${webhookId}/test`, { method: 'POST', key, json: {} });
  expect(response.status).toBe(202);
  const queued = (await response.json()) as DeliverySummary;
  await waitForDelivery(server, accountId, webhookId, queued.id);
  return (await (await server.call(`/user-webhooks/${webhookId}/deliveries/${queued.id}`, { key })).json()) as Delivery;
}
const hitsTo = (path: string) => receiver.hits.filter((hit) => hit.path === path);

describe('a delivery', () => {
  it('is signed with the endpoint’s secret over the exact body, and recorded as delivered with its answer', async () => {
    receiver.behave(() => ({ status: 200, body: 'thanks' }));
    const webhook = await newWebhook('/signed');
    const delivery = await sendTest(webhook.id);
    const [hit] = hitsTo('/signed');
    const expected = `sha256=${createHmac('sha256', webhook.secret).update(hit!.body).digest('hex')}`;
    expect(hit!.headers['x-alterlab-signature']).toBe(expected);
    expect(hit!.headers['content-type']).toBe('application/json');
    expect(hit!.body).toBe(delivery.payload);
    expect(JSON.parse(hit!.body)).toMatchObject({ event: 'job.completed', data: { test: true } });
    expect(delivery).toMatchObject({ status: 'delivered', attempt_count: 1, last_status_code: 200 });
    expect(delivery.attempts).toEqual([
      expect.objectContaining({ attempt: 1, status_code: 200, ok: true, response_excerpt: 'thanks', error: null }),
    ]);
  });

  it('signs with the new secret after a rotation, so the old one no longer verifies', async () => {
    receiver.behave(() => ({ status: 204 }));
    const webhook = await newWebhook('/rotated');
    const rotated = (await (
      await server.call(`/user-webhooks/${webhook.id}/rotate-secret`, { method: 'POST', key })
    ).json()) as { secret: string };
    await sendTest(webhook.id);
    const [hit] = hitsTo('/rotated');
    const sign = (secret: string) => `sha256=${createHmac('sha256', secret).update(hit!.body).digest('hex')}`;
    expect(hit!.headers['x-alterlab-signature']).toBe(sign(rotated.secret));
    expect(hit!.headers['x-alterlab-signature']).not.toBe(sign(webhook.secret));
  });

  it('is retried with back-off after two failures and delivered at the third attempt', async () => {
    receiver.behave(() => (hitsTo('/flaky').length <= 2 ? { status: 500, body: 'boom' } : { status: 200 }));
    const webhook = await newWebhook('/flaky');
    const delivery = await sendTest(webhook.id);
    expect(delivery.status).toBe('delivered');
    expect(delivery.attempts.map((attempt) => [attempt.attempt, attempt.status_code, attempt.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
    expect(delivery.attempts[0]!.response_excerpt).toBe('boom');
    expect(Date.parse(delivery.attempts[2]!.at)).toBeGreaterThan(Date.parse(delivery.attempts[1]!.at));
    expect(hitsTo('/flaky')).toHaveLength(3);
  });

  it('fails after 3 attempts, and counts as a failure of its endpoint', async () => {
    receiver.behave(() => ({ status: 503 }));
    const webhook = await newWebhook('/down');
    const delivery = await sendTest(webhook.id);
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts.map((attempt) => attempt.status_code)).toEqual([503, 503, 503]);
    expect(hitsTo('/down')).toHaveLength(3);
    const detail = (await (await server.call(`/user-webhooks/${webhook.id}`, { key })).json()) as {
      webhook: { failure_count: number; stats: { success_rate: number | null; failed: number } };
    };
    expect(detail.webhook.failure_count).toBe(1);
    expect(detail.webhook.stats).toMatchObject({ failed: 1, success_rate: 0 });
  });

  it('records a receiver that does not answer within the limit as a timeout, with no status', async () => {
    receiver.behave(() => 'hang');
    const webhook = await newWebhook('/hangs');
    const delivery = await sendTest(webhook.id);
    expect(delivery.status).toBe('failed');
    for (const attempt of delivery.attempts) {
      expect(attempt).toMatchObject({ status_code: null, ok: false, error: 'timeout' });
      expect(attempt.duration_ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    }
  });
});

describe('resend and recovery', () => {
  it('resends one failed delivery as a new one linked to it, with the same body', async () => {
    receiver.behave(() => ({ status: 500 }));
    const webhook = await newWebhook('/resend');
    const failed = await sendTest(webhook.id);
    expect(failed.status).toBe('failed');
    receiver.behave(() => ({ status: 200 }));
    const response = await server.call(`/user-webhooks/${webhook.id}/deliveries/${failed.id}/resend`, {
      method: 'POST',
      key,
    });
    expect(response.status).toBe(202);
    const queued = (await response.json()) as DeliverySummary;
    expect(queued.resend_of).toBe(failed.id);
    const resent = await waitForDelivery(server, accountId, webhook.id, queued.id);
    expect(resent).toMatchObject({ status: 'delivered', payload: failed.payload, attempt_count: 1 });
  });

  it('counts the failed deliveries since a time before resending them, and resends each once', async () => {
    receiver.behave(() => ({ status: 500 }));
    const webhook = await newWebhook('/recover');
    const before = new Date(Date.now() - 1000).toISOString();
    await sendTest(webhook.id);
    await sendTest(webhook.id);
    const after = new Date(Date.now() + 1000).toISOString();
    const preview = async (since: string) =>
      (await (
        await server.call(`/user-webhooks/${webhook.id}/recover?since=${encodeURIComponent(since)}`, { key })
      ).json()) as RecoverResult;
    expect((await preview(before)).count).toBe(2);
    expect((await preview(after)).count).toBe(0);

    receiver.behave(() => ({ status: 200 }));
    const run = await server.call(`/user-webhooks/${webhook.id}/recover`, {
      method: 'POST',
      key,
      json: { since: before },
    });
    expect(run.status).toBe(202);
    const recovered = (await run.json()) as RecoverResult;
    expect(recovered.count).toBe(2);
    for (const id of recovered.deliveries!) {
      expect((await waitForDelivery(server, accountId, webhook.id, id)).status).toBe('delivered');
    }
    expect((await preview(before)).count).toBe(0);
  });

  it('refuses a recovery without a valid time at the field', async () => {
    const webhook = await newWebhook('/recover-bad');
    const response = await server.call(`/user-webhooks/${webhook.id}/recover`, {
      method: 'POST',
      key,
      json: { since: 'yesterday' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { details: { field: string } }).details.field).toBe('since');
  });
});

describe('a receiver that hangs', () => {
  it('delays only its own endpoint’s deliveries, never another endpoint’s', async () => {
    receiver.behave((index) => (receiver.hits[index]!.path === '/stuck' ? 'hang' : { status: 200 }));
    const stuck = await newWebhook('/stuck');
    const queued: string[] = [];
    for (let event = 0; event < 6; event++) {
      const response = await server.call(`/user-webhooks/${stuck.id}/test`, { method: 'POST', key, json: {} });
      queued.push(((await response.json()) as DeliverySummary).id);
    }
    const prompt = await newWebhook('/prompt');
    const delivered = await sendTest(prompt.id);
    expect(delivered.status).toBe('delivered');
    // The other endpoint's first send is still waiting out its time limit: nothing of it has been recorded yet.
    const stuckAttempts = queued.map((id) => server.app.webhooks.delivery(accountId, stuck.id, id).attempt_count);
    expect(stuckAttempts).toEqual([0, 0, 0, 0, 0, 0]);
    expect(hitsTo('/stuck')).toHaveLength(1);
  });
});
