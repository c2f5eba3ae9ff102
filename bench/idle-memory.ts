import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { residentMiB, startChild } from './child-process';

/** Start-up's garbage has been collected or not by then; what stays is what an idle server holds. */
const SETTLE_MS = 3_000;

/** The sandbox as `npm start` runs it (server/main.ts under tsx, a fresh data dir, no browser launched), idle. */
export async function sandboxIdleMiB(): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-rss-'));
  const server = await startChild('server/main.ts', {
    // The whole environment: free ports, a fresh data dir; nothing inherited.
    env: { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
    ready: (line) => (/Scrape Dashboard\s+http/.test(line) ? true : undefined),
  });
  try {
    await sleep(SETTLE_MS);
    return residentMiB(server.process.pid!);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Fastify 5 and one route, started the same way. */
export async function bareFastifyIdleMiB(): Promise<number> {
  const bare = await startChild<{ url: string }>('bench/bare-fastify.ts', { env: {} });
  try {
    await sleep(SETTLE_MS);
    return residentMiB(bare.process.pid!);
  } finally {
    await bare.stop();
  }
}
