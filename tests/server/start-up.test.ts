import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { DEMO_KEY } from '../support/demo-keys';

const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('configuration', () => {
  it('defaults to the contract’s addresses, with the demo web on PORT + 1', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', port: 8787, demoWebPort: 8788, dataDir: './data' });
    expect(loadConfig({ PORT: '9000' })).toMatchObject({ port: 9000, demoWebPort: 9001 });
    expect(loadConfig({ PORT: '9000', DEMO_WEB_PORT: '7000', SANDBOX_TEST_CLOCK: '1' })).toMatchObject({
      demoWebPort: 7000,
      testClock: true,
    });
  });

  it('refuses a bad value by name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ UPSTREAM_API: 'not a url' })).toThrow(/UPSTREAM_API/);
  });
});

describe('the sandbox process', () => {
  it('prints its URL and the demo keys, serves, and stops cleanly on Ctrl-C', async () => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/main.ts'], {
      // Only what the sandbox reads, so nothing of the test runner's environment leaks into the child.
      env: { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner in time: ${output}`)), 15_000);
      child.stdout.on('data', () => {
        const match = /Scrape Dashboard\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (match?.[1] && output.includes('Ctrl-C')) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect(output).toContain(DEMO_KEY.free);
    expect(output).toMatch(/Demo web\s+http:\/\/127\.0\.0\.1:\d+\//);

    const info = await fetch(`${url}/api/v1/sandbox/info`);
    expect(info.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('stopping the sandbox');
  });
});
