import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { DeliverySummary, WebhookPayload } from '../../../contract/webhooks';
import { startTestServer, type TestServer } from '../../support/test-server';
import { waitForJob } from '../../support/wait-for-job';
import { startReceiver, waitForDelivery } from './receiver';

let server: TestServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let key: string;
let accountId: string;
let webhookId: string;
beforeAll(async () => {
  receiver = await startReceiver();
  server = await startTestServer({ webhookAllowedOrigins: [receiver.origin], webhookRetryBaseMs: 20 });
  key = await server.newKey('high_volume', 10_000);
  const found = server.app.accounts.findByKey(key);
  if (found.kind !== 'ok') throw new Error('no account');
  accountId = found.account.id;
  const created = await server.call('/user-webhooks', {
    method: 'POST',
    key,
    json: { url: `${receiver.origin}/jobs`, events: ['job.completed', 'job.failed'] },
  });
  webhookId = ((await created.json()) as { id: string }).id;
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

/** Runs an async scrape to its end; the listener stores its deliveries as the job ends, so they are listed now. */
async function runJob(path: string) {
  const queued = await server.call('/scrape', {
    method: 'POST',
    key,
    json: { url: `${server.demoWebUrl}${path}`, sync: false },
  });
  const requestId = queued.headers.get('x-request-id');
  const { job_id: jobId } = (await queued.json()) as { job_id: string };
  await waitForJob(server, key, jobId);
  const list = (await (await server.call(`/user-webhooks/${webhookId}/deliveries`, { key })).json()) as {
    deliveries: DeliverySummary[];
  };
  const mine = list.deliveries.filter((delivery) => delivery.job_id === jobId);
  return { jobId, requestId, mine };
}

describe('job events', () => {
  it('POSTs job.completed with the job id, the request id and the result', async () => {
    const { jobId, requestId, mine } = await runJob('/article');
    expect(mine).toHaveLength(1);
    const delivery = await waitForDelivery(server, accountId, webhookId, mine[0]!.id);
    expect(delivery.status).toBe('delivered');
    const payload = JSON.parse(receiver.hits.at(-1)!.body) as WebhookPayload;
    expect(payload.event).toBe('job.completed');
    expect(payload.data).toMatchObject({ job_id: jobId, request_id: requestId, status: 'succeeded' });
    expect(payload.data.result).toMatchObject({ status_code: 200 });
    expect(receiver.hits.at(-1)!.headers['x-alterlab-event']).toBe('job.completed');
  });

  it('POSTs job.failed with the job id, the request id and the error envelope', async () => {
    const { jobId, requestId, mine } = await runJob('/premium');
    const delivery = await waitForDelivery(server, accountId, webhookId, mine[0]!.id);
    expect(delivery.event).toBe('job.failed');
    const payload = JSON.parse(delivery.payload) as WebhookPayload;
    expect(payload.data).toMatchObject({ job_id: jobId, request_id: requestId, status: 'failed' });
    expect(payload.data.error).toMatchObject({ error: 'PAYWALL_DETECTED', request_id: requestId });
  });

  it("stores a job's end with its deliveries: no other reader sees the job ended before they are written", async () => {
    const reader = new Database(path.join(server.app.config.dataDir, 'sandbox.db'), { readonly: true });
    onTestFinished(() => void reader.close());
    const statusOf = reader.prepare<[string], { status: string }>('SELECT status FROM jobs WHERE id = ?');
    const seen: string[] = [];
    // Registered after the webhooks' listener: by now this job's deliveries are written, not yet committed.
    server.app.scrapes.onJobEnded((ended) => void seen.push(statusOf.get(ended.job.id)!.status));

    const { jobId, mine } = await runJob('/article');
    expect(seen).toEqual(['processing']);
    expect(statusOf.get(jobId)!.status).toBe('succeeded');
    expect(mine).toHaveLength(1);
  });

  it('sends nothing to a disabled endpoint, nor an event it does not subscribe to', async () => {
    await server.call(`/user-webhooks/${webhookId}`, { method: 'PUT', key, json: { events: ['job.failed'] } });
    expect((await runJob('/article')).mine).toEqual([]);
    await server.call(`/user-webhooks/${webhookId}/disable`, { method: 'POST', key });
    expect((await runJob('/premium')).mine).toEqual([]);
  });
});
