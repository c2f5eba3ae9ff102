import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, findChromium } from './scripts/find-chromium.mjs';

// The real sandbox on its own ports, with its own data dir and the test clock.
const PORT = 8797;
const DEMO_WEB_PORT = 8798;
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'sandbox-e2e-')));
const chromium = findChromium();
if (!chromium) throw new Error(CHROMIUM_MISSING);

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  retries: 0,
  timeout: 30_000,
  // The full hostile corpus takes minutes: `npm run test:hardening:e2e` sets HARDENING_E2E to run it.
  grepInvert: process.env.HARDENING_E2E ? undefined : /@hardening-full/,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs scripts/start.ts',
    url: `http://127.0.0.1:${PORT}/api/v1/sandbox/info`,
    env: {
      PORT: String(PORT),
      DEMO_WEB_PORT: String(DEMO_WEB_PORT),
      DATA_DIR: dataDir,
      SANDBOX_TEST_CLOCK: '1',
      // e2e/webhooks.spec.ts starts its receiver there; retries come quickly so a failing one is seen failing.
      WEBHOOK_ALLOWED_ORIGINS: 'http://127.0.0.1:8799',
      WEBHOOK_RETRY_BASE_MS: '300',
      LOG_LEVEL: 'warn',
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
