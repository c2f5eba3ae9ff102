import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requestLogPageSchema } from '../../../contract/request-log';
import { DEMO_KEY } from '../../support/demo-keys';

const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** The real sandbox as its own process on `dataDir`, once it has printed its URLs. */
async function startSandbox(): Promise<{ child: ChildProcess; api: string; demoWeb: string }> {
  // Node itself runs the server (tsx as a loader): tsx's CLI would run it in a child that SIGKILL never reaches.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const urls = await new Promise<[string, string]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in time: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const api = /API\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(output)?.[1];
      const demoWeb = /Demo web\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (api && demoWeb && output.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve([api, demoWeb]);
      }
    });
  });
  return { child, api: urls[0], demoWeb: urls[1] };
}

const key = DEMO_KEY.highVolume;

describe('a sandbox killed under load', () => {
  it('has the row of every answer a client received, after it starts again', { timeout: 90_000 }, async () => {
    const first = await startSandbox();
    const received: string[] = [];
    let killed = false;

    // Workers call without pause, a cheap read and a billed scrape in turn, until the process dies under them.
    const worker = async (index: number) => {
      for (let call = 0; !killed || call === 0; call++) {
        const scrape = (call + index) % 2 === 0;
        try {
          const response = await fetch(`${first.api}${scrape ? '/scrape' : '/usage'}`, {
            method: scrape ? 'POST' : 'GET',
            headers: { 'X-API-Key': key, ...(scrape && { 'Content-Type': 'application/json' }) },
            body: scrape ? JSON.stringify({ url: `${first.demoWeb}/slow?ms=30` }) : undefined,
          });
          // The status line and headers have arrived: the client has this answer, whatever happens next.
          received.push(response.headers.get('x-request-id')!);
          await response.arrayBuffer().catch(() => undefined);
        } catch {
          // Cut off by the kill.
          return;
        }
      }
    };
    const workers = Array.from({ length: 12 }, (_, index) => worker(index));
    // A scrape of a page that answers after 20 s: still being answered when the kill comes, whatever the workers'
    // timing (each of them may be between two calls at that moment).
    const longCall = fetch(`${first.api}/scrape`, {
      method: 'POST',
      headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `${first.demoWeb}/slow?ms=20000` }),
    }).then(
      () => 'answered',
      () => 'cut off',
    );
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (received.length < 150) return;
        clearInterval(check);
        resolve();
      }, 5);
    });
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    killed = true;
    await exited;
    await Promise.all(workers);
    // Killed mid-load: a call was in flight when it died.
    expect(await longCall).toBe('cut off');

    const second = await startSandbox();
    const logged = new Set<string>();
    let cursor: string | null = null;
    do {
      const query: string = `?limit=200${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await fetch(`${second.api}/requests${query}`, { headers: { 'X-API-Key': key } });
      const page = requestLogPageSchema.parse(await response.json());
      for (const entry of page.requests) logged.add(entry.request_id);
      cursor = page.next_cursor;
    } while (cursor);

    expect(received.length).toBeGreaterThanOrEqual(150);
    expect(received.filter((id) => !logged.has(id))).toEqual([]);
    const stopped = new Promise((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGINT');
    await stopped;
  });
});
