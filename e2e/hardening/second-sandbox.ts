import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

export interface SecondSandbox {
  origin: string;
  demoWeb: string;
  dataDir: string;
  logFile: string;
  stop: () => Promise<void>;
}

/**
 * A sandbox of its own at LOG_LEVEL=debug with its log in a file, so a test can read every line the server
 * wrote. The shared one (playwright.config.ts) logs at warn and pipes its output away.
 */
export async function startSecondSandbox(port: number): Promise<SecondSandbox> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-secrets-'));
  const logFile = path.join(dataDir, 'server.log');
  const log = openSync(logFile, 'w');
  // No demo history: the canaries are this test's own, and seeding 30 days of traffic while the workers run can
  // outlast Fastify's plugin timeout on a busy 2-core machine.
  const start = ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts', '--no-demo-history'];
  const child: ChildProcess = spawn(process.execPath, start, {
    // Its whole environment, on purpose: nothing of the runner's leaks in (tsx needs only a home for its cache).
    env: {
      HOME: homedir(),
      PORT: String(port),
      DEMO_WEB_PORT: String(port + 1),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', log, log],
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the second sandbox exited (${child.exitCode}); see ${logFile}`);
    const up = await fetch(`${origin}/api/v1/sandbox/info`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`the second sandbox did not start; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    origin,
    demoWeb: `http://127.0.0.1:${port + 1}`,
    dataDir,
    logFile,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
