import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the dashboard build depends on: a change in any of these makes dist/ stale. */
const BUILD_INPUTS = ['src', 'contract', 'index.html', 'public', 'vite.config.ts', 'package-lock.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((child) => newestMtime(path.join(entry, child))));
}

function buildDashboardIfStale() {
  const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
  const sources = Math.max(...BUILD_INPUTS.map(newestMtime));
  if (built >= sources) return;
  console.log(built ? 'The dashboard build is stale: rebuilding…' : 'Building the dashboard (first run)…');
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('The dashboard build failed; see the errors above.');
    process.exit(result.status ?? 1);
  }
}

buildDashboardIfStale();
await import('../server/main');
