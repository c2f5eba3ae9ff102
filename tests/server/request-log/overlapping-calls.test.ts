import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requestLogEntrySchema, requestLogPageSchema } from '../../../contract/request-log';
import { DEMO_KEY } from '../../support/demo-keys';
import { startTestServer, type TestServer } from '../../support/test-server';

// Overlapping calls share a turn of the event loop, so their rows are committed together (request-log-repository.ts).
const OVERLAPPING = 30;
const key = DEMO_KEY.highVolume;

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Calls at once, each answer's request id as its answer arrives. */
async function overlappingCalls(server: TestServer): Promise<string[]> {
  const answers = await Promise.all(Array.from({ length: OVERLAPPING }, () => server.call('/usage', { key })));
  for (const answer of answers) expect(answer.status).toBe(200);
  return answers.map((answer) => answer.headers.get('x-request-id')!);
}

async function loggedIds(server: TestServer): Promise<string[]> {
  // Past both rate-limit windows: the limits are not what this file is about.
  server.app.clock.advance(61);
  const response = await server.call(`/requests?limit=200`, { key });
  return requestLogPageSchema.parse(await response.json()).requests.map((entry) => entry.request_id);
}

describe('the request log under overlapping calls', () => {
  it('has the row of each call by the time its answer arrives', async () => {
    const server = await startTestServer();
    try {
      const rows = await Promise.all(
        Array.from({ length: OVERLAPPING }, async () => {
          const answer = await server.call('/usage', { key });
          const id = answer.headers.get('x-request-id')!;
          return { id, row: server.app.requestLog.get(idOwner(server), id) };
        }),
      );
      for (const { id, row } of rows) expect(requestLogEntrySchema.parse(row).request_id).toBe(id);
    } finally {
      await server.close();
    }
  });

  it('keeps the rows of calls answered just before the server closes', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-overlap-'));
    dataDirs.push(dataDir);
    const first = await startTestServer({ dataDir });
    const answered = await overlappingCalls(first);
    await first.close();

    const second = await startTestServer({ dataDir });
    try {
      expect(await loggedIds(second)).toEqual(expect.arrayContaining(answered));
    } finally {
      await second.close();
    }
  });

  it('leaves no row of calls answered just before a reset', async () => {
    const server = await startTestServer();
    try {
      await overlappingCalls(server);
      expect((await server.call('/sandbox/reset', { method: 'POST', key: null })).status).toBe(200);
      expect(await loggedIds(server)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

/** The high-volume demo account's id, as the log is read by account. */
function idOwner(server: TestServer): string {
  const found = server.app.accounts.findByKey(key);
  if (found.kind !== 'ok') throw new Error('the high-volume demo key is missing');
  return found.account.id;
}
