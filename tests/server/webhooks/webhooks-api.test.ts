import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { startTestServer, type TestServer } from '../../support/test-server';
import { startReceiver } from './receiver';

let server: TestServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let key: string;
beforeAll(async () => {
  receiver = await startReceiver();
  server = await startTestServer({ webhookAllowedOrigins: [receiver.origin] });
  key = await server.newKey('high_volume');
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

const create = (body: unknown, as = key) => server.call('/user-webhooks', { method: 'POST', key: as, json: body });
const fieldsOf = async (response: Response) =>
  ((await response.json()) as { details: { issues: { field: string }[] } }).details.issues.map((issue) => issue.field);

describe('the config', () => {
  it('gives a receiver 10 seconds by default', () => {
    expect(loadConfig({}).webhookTimeoutMs).toBe(10_000);
  });
});

describe('webhook endpoints', () => {
  it('creates one with its secret shown once, then lists, reads, edits, disables and deletes it', async () => {
    const created = await create({ url: `${receiver.origin}/crud`, events: ['job.completed'], name: 'Orders' });
    expect(created.status).toBe(201);
    const webhook = (await created.json()) as { id: string; secret: string; secret_last4: string; is_active: boolean };
    expect(webhook.secret).toMatch(/^whsec_/);
    expect(webhook.secret_last4).toBe(webhook.secret.slice(-4));
    expect(webhook.is_active).toBe(true);

    const listed = await (await server.call('/user-webhooks', { key })).text();
    expect(listed).toContain(webhook.id);
    expect(listed).not.toContain(webhook.secret);
    const detail = await (await server.call(`/user-webhooks/${webhook.id}`, { key })).json();
    expect(detail).toMatchObject({ webhook: { id: webhook.id, name: 'Orders' }, recent_deliveries: [] });
    expect(JSON.stringify(detail)).not.toContain(webhook.secret);

    const edited = await server.call(`/user-webhooks/${webhook.id}`, {
      method: 'PUT',
      key,
      json: { name: 'Orders v2', events: ['job.completed', 'job.failed'] },
    });
    expect(await edited.json()).toMatchObject({ name: 'Orders v2', events: ['job.completed', 'job.failed'] });
    const disabled = await server.call(`/user-webhooks/${webhook.id}/disable`, { method: 'POST', key });
    expect(await disabled.json()).toMatchObject({ is_active: false });

    const rotated = (await (
      await server.call(`/user-webhooks/${webhook.id}/rotate-secret`, { method: 'POST', key })
    ).json()) as { secret: string };
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(webhook.secret);

    expect((await server.call(`/user-webhooks/${webhook.id}`, { method: 'DELETE', key })).status).toBe(204);
    expect((await server.call(`/user-webhooks/${webhook.id}`, { key })).status).toBe(404);
  });

  it('answers 409 WEBHOOK_ALREADY_EXISTS to a second endpoint at the same URL, at the field', async () => {
    const url = `${receiver.origin}/twice`;
    expect((await create({ url, events: ['job.failed'] })).status).toBe(201);
    const again = await create({ url, events: ['job.completed'] });
    expect(again.status).toBe(409);
    const body = (await again.json()) as { error: string; details: { field: string } };
    expect(body.error).toBe('WEBHOOK_ALREADY_EXISTS');
    expect(body.details.field).toBe('url');
  });

  it('answers 409 when an edit moves an endpoint onto another one’s URL', async () => {
    await create({ url: `${receiver.origin}/taken`, events: ['job.failed'] });
    const other = (await (await create({ url: `${receiver.origin}/free`, events: ['job.failed'] })).json()) as {
      id: string;
    };
    const moved = await server.call(`/user-webhooks/${other.id}`, {
      method: 'PUT',
      key,
      json: { url: `${receiver.origin}/taken` },
    });
    expect(moved.status).toBe(409);
  });

  it('refuses a bad URL, an unknown event and no events with 400 at each field', async () => {
    const badUrl = await create({ url: 'not a url', events: ['job.completed'] });
    expect(badUrl.status).toBe(400);
    expect(await fieldsOf(badUrl)).toContain('url');
    const badEvent = await create({ url: `${receiver.origin}/x`, events: ['job.exploded'] });
    expect(badEvent.status).toBe(400);
    expect((await fieldsOf(badEvent)).join()).toMatch(/^events/);
    const noEvents = await create({ url: `${receiver.origin}/y`, events: [] });
    expect(await fieldsOf(noEvents)).toEqual(['events']);
  });

  it('refuses a receiver on a private or loopback address the target guard does not allow', async () => {
    for (const url of ['http://10.0.0.7/hook', 'http://127.0.0.1:9/hook', 'http://[::1]:8080/hook']) {
      const refused = await create({ url, events: ['job.completed'] });
      expect(refused.status, url).toBe(400);
      expect(await fieldsOf(refused)).toEqual(['url']);
    }
  });
});

describe('isolation', () => {
  it('answers another account’s webhook and deliveries exactly like unknown ones: 404', async () => {
    const mine = (await (await create({ url: `${receiver.origin}/mine`, events: ['job.completed'] })).json()) as {
      id: string;
    };
    const delivery = (await (
      await server.call(`/user-webhooks/${mine.id}/test`, { method: 'POST', key, json: {} })
    ).json()) as { id: string };
    const stranger = await server.newKey('high_volume');
    const probes: [string, RequestInit & { json?: unknown }][] = [
      ['', {}],
      ['', { method: 'PUT', json: { name: 'taken' } }],
      ['', { method: 'DELETE' }],
      ['/enable', { method: 'POST' }],
      ['/rotate-secret', { method: 'POST' }],
      ['/test', { method: 'POST', json: {} }],
      ['/deliveries', {}],
      [`/deliveries/${delivery.id}`, {}],
      [`/deliveries/${delivery.id}/resend`, { method: 'POST' }],
      ['/recover?since=2020-01-01T00:00:00Z', {}],
    ];
    for (const [suffix, init] of probes) {
      const theirs = await server.call(`/user-webhooks/${mine.id}${suffix}`, { ...init, key: stranger });
      const unknown = await server.call(`/user-webhooks/wh_unknown${suffix}`, { ...init, key: stranger });
      expect(theirs.status, suffix).toBe(404);
      const strip = ({ request_id: _, ...rest }: Record<string, unknown>) => rest;
      expect(strip((await theirs.json()) as Record<string, unknown>)).toEqual(
        strip((await unknown.json()) as Record<string, unknown>),
      );
    }
    expect((await server.call(`/user-webhooks/${mine.id}`, { key })).status).toBe(200);
    expect(await (await server.call('/user-webhooks', { key: stranger })).json()).toEqual({ webhooks: [], total: 0 });
  });
});
