import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBody, HTML, htmlDocument } from '../../../server/demo-web/demo-page';
import { startTestServer, type TestServer } from '../../support/test-server';
import { waitForJob } from '../../support/wait-for-job';

let server: TestServer;
beforeAll(async () => {
  // Private targets: the held page below is a loopback server of this test's own.
  server = await startTestServer({ testClock: true, allowPrivateTargets: true });
});
afterAll(() => server.close());

/** api-facts: 24 h of result retention, written out here rather than read from the constant the server uses. */
const RETENTION = 24 * 3600;
/** Either side of the retention's end: wide enough that the test's own run time never crosses it. */
const MARGIN = 60;

async function advance(target: TestServer, seconds: number) {
  await target.call('/sandbox/clock', { method: 'POST', key: null, json: { advance_seconds: seconds } });
}

/** A poll as a user sees it: the status, and the body without its request id (new on every answer). */
async function poll(target: TestServer, key: string, jobId: string) {
  const response = await target.call(`/jobs/${jobId}`, { key });
  const { request_id: _requestId, ...body } = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body };
}

async function startJob(target: TestServer, key: string, url: string): Promise<string> {
  const accepted = await target.scrape(key, { url, sync: false });
  expect(accepted.status).toBe(202);
  return accepted.body.job_id!;
}

const EXPIRED = {
  status: 404,
  body: { error: 'NOT_FOUND', code: 'NOT_FOUND', message: expect.stringMatching(/expired/) },
};

describe('an ended job', () => {
  it('is kept the retention period after it ends, succeeded or failed, then answers 404 saying it expired', async () => {
    const key = await server.newKey('growth');
    const jobs = await Promise.all(
      ['/article', '/premium'].map((path) => startJob(server, key, server.demoWebUrl + path)),
    );
    const ended = await Promise.all(jobs.map(async (id) => (await waitForJob(server, key, id)).job.status));
    expect(ended).toEqual(['succeeded', 'failed']);

    await advance(server, RETENTION - MARGIN);
    for (const [index, id] of jobs.entries()) {
      expect(await poll(server, key, id)).toMatchObject({ status: 200, body: { job_id: id, status: ended[index] } });
    }
    await advance(server, 2 * MARGIN);
    for (const id of jobs) expect(await poll(server, key, id)).toMatchObject(EXPIRED);
  });

  it('looks to another account exactly like an id that never existed, before and after it expires', async () => {
    const [owner, other] = [await server.newKey('growth'), await server.newKey('growth')];
    const id = await startJob(server, owner, `${server.demoWebUrl}/article`);
    await waitForJob(server, owner, id);
    const unknown = () => poll(server, other, crypto.randomUUID());

    expect(await poll(server, other, id)).toEqual(await unknown());
    await advance(server, RETENTION + MARGIN);
    expect(await poll(server, owner, id)).toMatchObject(EXPIRED);
    expect(await poll(server, other, id)).toEqual(await unknown());
    expect((await unknown()).status).toBe(404);
  });
});

/** A target that holds every request until released: a job scraping it stays `processing` until the test says. */
async function startHeldPage() {
  const held: ServerResponse[] = [];
  let open = false;
  const page = htmlDocument({ title: 'A held page', body: articleBody('A held page', ['Answered when released.']) });
  const answer = (response: ServerResponse) => response.writeHead(200, { 'content-type': HTML }).end(page);
  const target = createServer((_request, response) => (open ? answer(response) : held.push(response)));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(target.address() as AddressInfo).port}/held`,
    held: () => held.length,
    release: () => {
      open = true;
      held.splice(0).forEach(answer);
    },
    close: () =>
      new Promise<void>((resolve) => {
        // A test that failed may leave a request held: closing must not wait for it.
        target.closeAllConnections();
        target.close(() => resolve());
      }),
  };
}

describe('a job that has not ended', () => {
  it('never expires while processing, and its retention counts from its end, not its start', async () => {
    const heldPage = await startHeldPage();
    try {
      const key = await server.newKey('growth');
      const id = await startJob(server, key, heldPage.url);
      await expect.poll(heldPage.held).toBeGreaterThan(0);

      await advance(server, 2 * RETENTION);
      expect(await poll(server, key, id)).toMatchObject({ status: 200, body: { status: 'processing' } });
      heldPage.release();
      expect((await waitForJob(server, key, id)).job.status).toBe('succeeded');

      // Started more than the retention period ago, ended just now: still kept.
      await advance(server, RETENTION - MARGIN);
      expect(await poll(server, key, id)).toMatchObject({ status: 200, body: { status: 'succeeded' } });
      await advance(server, 2 * MARGIN);
      expect(await poll(server, key, id)).toMatchObject(EXPIRED);
    } finally {
      await heldPage.close();
    }
  });

  it('never expires while queued', async () => {
    // A server of its own: with its workers stopped, a job stays queued, and this one takes no more.
    const stopped = await startTestServer({ testClock: true });
    try {
      await stopped.app.scrapes.stopJobs();
      const key = await stopped.newKey('growth');
      const id = await startJob(stopped, key, `${stopped.demoWebUrl}/article`);
      await advance(stopped, 2 * RETENTION);
      expect(await poll(stopped, key, id)).toMatchObject({ status: 200, body: { status: 'queued' } });
    } finally {
      await stopped.close();
    }
  });
});
