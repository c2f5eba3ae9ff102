import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { loopback, SANDBOXES, workerPorts } from './e2e/worker-ports';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, findChromium } from './scripts/find-chromium.mjs';

// Set once in the runner and inherited by the workers, which load this file again: one temp dir per run.
const dataRoot = (process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'sandbox-e2e-')));
const chromium = findChromium();
if (!chromium) throw new Error(CHROMIUM_MISSING);

export default defineConfig({
  testDir: './e2e',
  // A worker per sandbox; a file stays on one worker, its tests in order (e2e/fixtures.ts picks the sandbox).
  workers: SANDBOXES,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  // The full hostile corpus takes minutes: `npm run test:hardening:e2e` sets HARDENING_E2E to run it.
  grepInvert: process.env.HARDENING_E2E ? undefined : /@hardening-full/,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_ARGS,
    },
  },
  // Started one after another, so a stale dashboard build (scripts/start.ts) is rebuilt by the first only.
  webServer: Array.from({ length: SANDBOXES }, (_, slot) => sandbox(slot)),
});

/** The real sandbox of one worker slot, on its own ports, with its own data dir and the test clock. */
function sandbox(slot: number) {
  const ports = workerPorts(slot);
  const dataDir = path.join(dataRoot, `slot-${slot}`);
  mkdirSync(dataDir, { recursive: true });
  return {
    command: 'node node_modules/tsx/dist/cli.mjs scripts/start.ts',
    url: `${loopback(ports.sandbox)}/api/v1/sandbox/info`,
    env: {
      PORT: String(ports.sandbox),
      DEMO_WEB_PORT: String(ports.demoWeb),
      DATA_DIR: dataDir,
      SANDBOX_TEST_CLOCK: '1',
      // e2e/webhooks.spec.ts starts its receiver there; retries come quickly so a failing one is seen failing.
      WEBHOOK_ALLOWED_ORIGINS: loopback(ports.webhookReceiver),
      WEBHOOK_RETRY_BASE_MS: '300',
      LOG_LEVEL: 'warn',
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}
