import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitForJob } from '../support/wait-for-job';
import { startReceiver } from '../server/webhooks/receiver';

// Account A owns one of everything; account B calls every id-addressed endpoint with A's ids. Each answer must be
// the 404 B gets for an id that exists nowhere: same status, same headers, same bytes once the id itself and the
// request id are written out of both. Then B's lists and roll-ups must not show one trace of A.

let server: TestServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let keyA = '';
let keyB = '';
// A marker in every URL and name of A's, so a leak into B's answers is found by a text search.
const MARKER = 'isolation-marker-a7f3';
const a = { session: '', webhook: '', delivery: '', request: '', failedRequest: '', job: '', jobRequest: '' };
const b = { webhook: '' };

beforeAll(async () => {
  server = await startTestServer({ allowPrivateTargets: true });
  receiver = await startReceiver();
  [keyA, keyB] = [await server.newKey('high_volume', 1000), await server.newKey('high_volume', 1000)];
  const json = async (response: Response) => (await response.json()) as Record<string, string>;

  a.session = (
    await json(
      await server.call('/sessions', {
        method: 'POST',
        key: keyA,
        json: { name: MARKER, domain: `${MARKER}.example`, cookies: { sid: MARKER } },
      }),
    )
  ).id!;
  a.webhook = (
    await json(
      await server.call('/user-webhooks', {
        method: 'POST',
        key: keyA,
        json: { url: `${receiver.origin}/${MARKER}`, events: ['job.completed', 'job.failed'], name: MARKER },
      }),
    )
  ).id!;
  b.webhook = (
    await json(
      await server.call('/user-webhooks', {
        method: 'POST',
        key: keyB,
        json: { url: `${receiver.origin}/b`, events: ['job.completed'] },
      }),
    )
  ).id!;
  a.delivery = (
    await json(await server.call(`/user-webhooks/${a.webhook}/test`, { method: 'POST', key: keyA, json: {} }))
  ).id!;
  a.request = (await server.scrape(keyA, { url: `${server.demoWebUrl}/article?${MARKER}` })).body.request_id!;
  a.failedRequest = (await server.scrape(keyA, { url: `${server.demoWebUrl}/premium?${MARKER}` })).body.request_id!;
  const job = await server.scrape(keyA, { url: `${server.demoWebUrl}/article?job=${MARKER}`, sync: false });
  a.job = job.body.job_id!;
  a.jobRequest = job.body.request_id!;
  await waitForJob(server, keyA, a.job);
}, 60_000);
// Each test starts in a fresh per-second window: the matrix is about ids, not about the burst limit.
beforeEach(() => server.app.clock.advance(2));
afterAll(async () => {
  await server.close();
  await receiver.close();
});

/** An id of the same length and shape that no account has: its last character changed. */
const unknown = (id: string) => id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');

interface Case {
  name: string;
  method: string;
  /** The path with A's ids, and the same path with ids nobody has. */
  path: () => [foreign: string, unknown: string, ids: string[]];
  body?: unknown;
}

const one = (template: (id: string) => string, id: () => string) => () =>
  [template(id()), template(unknown(id())), [id()]] as [string, string, string[]];

const CASES: Case[] = [
  {
    name: 'a job',
    method: 'GET',
    path: one(
      (id) => `/jobs/${id}`,
      () => a.job,
    ),
  },
  {
    name: 'a request',
    method: 'GET',
    path: one(
      (id) => `/requests/${id}`,
      () => a.request,
    ),
  },
  {
    name: 'a failed request',
    method: 'GET',
    path: one(
      (id) => `/requests/${id}`,
      () => a.failedRequest,
    ),
  },
  {
    name: 'an async request',
    method: 'GET',
    path: one(
      (id) => `/requests/${id}`,
      () => a.jobRequest,
    ),
  },
  {
    name: 'a session',
    method: 'GET',
    path: one(
      (id) => `/sessions/${id}`,
      () => a.session,
    ),
  },
  {
    name: 'a session (patch)',
    method: 'PATCH',
    path: one(
      (id) => `/sessions/${id}`,
      () => a.session,
    ),
    body: { name: 'taken' },
  },
  {
    name: 'a session (refresh)',
    method: 'POST',
    path: one(
      (id) => `/sessions/${id}/refresh`,
      () => a.session,
    ),
    body: { cookies: { sid: 'taken' } },
  },
  {
    name: 'a session (validate)',
    method: 'POST',
    path: one(
      (id) => `/sessions/${id}/validate`,
      () => a.session,
    ),
  },
  {
    name: 'a webhook',
    method: 'GET',
    path: one(
      (id) => `/user-webhooks/${id}`,
      () => a.webhook,
    ),
  },
  {
    name: 'a webhook (put)',
    method: 'PUT',
    path: one(
      (id) => `/user-webhooks/${id}`,
      () => a.webhook,
    ),
    body: { name: 'taken' },
  },
  ...['enable', 'disable', 'rotate-secret', 'test'].map((action): Case => ({
    name: `a webhook (${action})`,
    method: 'POST',
    path: one(
      (id) => `/user-webhooks/${id}/${action}`,
      () => a.webhook,
    ),
    body: action === 'test' ? {} : undefined,
  })),
  {
    name: 'a webhook’s deliveries',
    method: 'GET',
    path: one(
      (id) => `/user-webhooks/${id}/deliveries`,
      () => a.webhook,
    ),
  },
  {
    name: 'a webhook’s recovery (preview)',
    method: 'GET',
    path: one(
      (id) => `/user-webhooks/${id}/recover?since=2020-01-01T00:00:00Z`,
      () => a.webhook,
    ),
  },
  {
    name: 'a webhook’s recovery (run)',
    method: 'POST',
    path: one(
      (id) => `/user-webhooks/${id}/recover`,
      () => a.webhook,
    ),
    body: { since: '2020-01-01T00:00:00Z' },
  },
  {
    name: 'a delivery under A’s webhook',
    method: 'GET',
    path: () => [
      `/user-webhooks/${a.webhook}/deliveries/${a.delivery}`,
      `/user-webhooks/${unknown(a.webhook)}/deliveries/${unknown(a.delivery)}`,
      [a.webhook, a.delivery],
    ],
  },
  {
    name: 'A’s delivery under B’s own webhook',
    method: 'GET',
    path: () => [
      `/user-webhooks/${b.webhook}/deliveries/${a.delivery}`,
      `/user-webhooks/${b.webhook}/deliveries/${unknown(a.delivery)}`,
      [a.delivery],
    ],
  },
  {
    name: 'A’s delivery resent under B’s own webhook',
    method: 'POST',
    path: () => [
      `/user-webhooks/${b.webhook}/deliveries/${a.delivery}/resend`,
      `/user-webhooks/${b.webhook}/deliveries/${unknown(a.delivery)}/resend`,
      [a.delivery],
    ],
  },
  {
    name: 'a delivery resent under A’s webhook',
    method: 'POST',
    path: () => [
      `/user-webhooks/${a.webhook}/deliveries/${a.delivery}/resend`,
      `/user-webhooks/${unknown(a.webhook)}/deliveries/${unknown(a.delivery)}/resend`,
      [a.webhook, a.delivery],
    ],
  },
  // Deletes last: were one to go through, the rows above would already have been checked.
  {
    name: 'a session (delete)',
    method: 'DELETE',
    path: one(
      (id) => `/sessions/${id}`,
      () => a.session,
    ),
  },
  {
    name: 'a webhook (delete)',
    method: 'DELETE',
    path: one(
      (id) => `/user-webhooks/${id}`,
      () => a.webhook,
    ),
  },
];

/** An answer with the ids it names and its request id written out, so two answers compare byte for byte. */
async function normalised(response: Response, ids: string[]) {
  let body = await response.text();
  for (const id of ids) body = body.replaceAll(id, '<id>').replaceAll(unknown(id), '<id>');
  const requestId = response.headers.get('x-request-id') ?? '';
  body = body.replaceAll(requestId, '<request-id>');
  const headers = [...response.headers.entries()]
    .filter(
      ([name]) => !['date', 'x-request-id', 'x-ratelimit-remaining', 'x-ratelimit-burst-remaining'].includes(name),
    )
    .map(([name, value]) => `${name}: ${name === 'x-ratelimit-reset' ? '<reset>' : value}`);
  return { status: response.status, headers, body };
}

describe('another account’s ids answer exactly as ids that do not exist', () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    const [foreign, missing, ids] = testCase.path();
    const send = (path: string) =>
      server.call(path, {
        method: testCase.method,
        key: keyB,
        ...(testCase.body !== undefined && { json: testCase.body }),
      });
    const asForeign = await normalised(await send(foreign), ids);
    const asUnknown = await normalised(await send(missing), ids);
    expect(asForeign.status).toBe(404);
    expect(asForeign).toEqual(asUnknown);
  });

  it('leaves every row of A’s as it was, and A can still read them all', async () => {
    for (const path of [
      `/jobs/${a.job}`,
      `/requests/${a.request}`,
      `/requests/${a.failedRequest}`,
      `/user-webhooks/${a.webhook}/deliveries/${a.delivery}`,
    ]) {
      expect((await server.call(path, { key: keyA })).status, path).toBe(200);
    }
    const session = (await (await server.call(`/sessions/${a.session}`, { key: keyA })).json()) as { name: string };
    expect(session.name).toBe(MARKER);
    const detail = (await (await server.call(`/user-webhooks/${a.webhook}`, { key: keyA })).json()) as {
      webhook: { name: string };
    };
    expect(detail.webhook.name).toBe(MARKER);
  });
});

describe('lists and roll-ups show only the caller’s own data', () => {
  const LISTS = [
    '/sessions',
    '/user-webhooks',
    `/user-webhooks/${'<b>'}/deliveries`,
    '/requests?limit=200',
    `/requests/errors?since=${new Date(Date.now() - 86_400_000).toISOString()}&until=${new Date(Date.now() + 86_400_000).toISOString()}`,
    '/billing/audit-log?limit=200',
    '/billing/usage',
    '/usage',
    '/usage/daily?days=30',
    '/usage-report/days',
    '/usage-report/tiers',
    '/usage-report/domains',
    '/usage-report/refunds',
  ];

  // C, not B: B's own request log rightly holds the paths B called above, A's ids in them.
  let keyC = '';
  beforeAll(async () => {
    keyC = await server.newKey('high_volume', 1000);
    await server.scrape(keyC, { url: `${server.demoWebUrl}/premium` });
    b.webhook = (
      (await (
        await server.call('/user-webhooks', {
          method: 'POST',
          key: keyC,
          json: { url: `${receiver.origin}/c`, events: ['job.completed'] },
        })
      ).json()) as { id: string }
    ).id;
  });

  it.each(LISTS)('another account’s %s holds no id, URL or name of A’s', async (template) => {
    const path = template.replace('<b>', b.webhook);
    const [ofA, ofB] = [await server.call(path, { key: keyA }), await server.call(path, { key: keyC })];
    const [textA, textB] = [await ofA.text(), await ofB.text()];
    expect(ofB.status, textB.slice(0, 300)).toBe(200);
    for (const id of Object.values(a)) expect(textB).not.toContain(id);
    expect(textB).not.toContain(MARKER);
    // Not vacuous: where the list is one of A's things, A's own answer names them.
    if (/sessions|user-webhooks$|requests\?|audit-log/.test(path)) expect(textA).toMatch(MARKER);
  });
});

describe('caches and estimates are per account', () => {
  it('never answers B from A’s cache, and quotes B from B’s own history', async () => {
    const url = `${server.demoWebUrl}/headers-check?${MARKER}`;
    const estimate = async (key: string) =>
      (
        (await (await server.call('/scrape/estimate', { method: 'POST', key, json: { url } })).json()) as {
          estimated_tier: string;
        }
      ).estimated_tier;
    const fresh = await server.newKey('growth', 1000);
    const untaught = await estimate(fresh);

    const first = await server.scrape(keyA, { url, cache: true, cache_ttl: 600 });
    expect(first.body.cached).toBe(false);
    expect((await server.scrape(keyA, { url, cache: true, cache_ttl: 600 })).body.cached).toBe(true);
    // A has learnt the page's tier; B and an account that never saw it are quoted alike.
    expect(await estimate(keyA)).not.toBe(untaught);
    expect(await estimate(keyB)).toBe(untaught);

    const ofB = await server.scrape(keyB, { url, cache: true, cache_ttl: 600 });
    expect(ofB.body.cached).toBe(false);
    expect(ofB.body.billing?.total_credits).toBeGreaterThan(0);
  });
});
