// `npm test`: type check, lint, build, every vitest suite, then Playwright in real Chromium.
// Each step's result is counted, and the very last line is the one CI reads: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_MISSING, findChromium } from './find-chromium.mjs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: process.env.CI ?? '1' };
let passed = 0;
let failed = 0;

function run(title, command, args) {
  console.log(`\n── ${title} ─────────────────────────────────────────────`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function check(title, command, args) {
  if (run(title, command, args)) passed++;
  else failed++;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

check('type check', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
// lint is one check: ESLint, then knip (unused files, exports, dependencies); both run so both reports show.
const eslintOk = run('lint: eslint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']);
const knipOk = run('lint: knip', process.execPath, ['node_modules/knip/bin/knip.js', '--no-progress']);
if (eslintOk && knipOk) passed++;
else failed++;
const built = run('build', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
if (built) passed++;
else failed++;

// vitest: unit, component (jsdom + msw) and server (a real sandbox per file)
rmSync('vitest-results.json', { force: true });
const vitestOk = run('vitest', process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=vitest-results.json',
]);
const vitest = readJson('vitest-results.json');
if (vitest) {
  const brokenFiles = vitest.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + brokenFiles + vitest.numPendingTests + vitest.numTodoTests;
} else if (!vitestOk) failed++;

// Playwright: the real sandbox in real Chromium
const chromium = findChromium();
if (!chromium) {
  console.log(`\n${CHROMIUM_MISSING}`);
  failed++;
} else if (!built) {
  console.log('\nThe end-to-end suite needs the build, which failed.');
  failed++;
} else {
  rmSync('test-results/e2e-results.json', { force: true });
  const e2eOk = run('playwright', process.execPath, ['node_modules/@playwright/test/cli.js', 'test']);
  const e2e = readJson('test-results/e2e-results.json');
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected + e2e.stats.skipped;
  } else if (!e2eOk) failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
