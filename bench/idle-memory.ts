import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { residentMiB, startChild } from './child-process';

/** Start-up's garbage has been collected or not by then; what stays is what an idle server holds. */
const SETTLE_MS = 3_000;

async function idleServerMiB(dataDir: string): Promise<number> {
  const server = await startChild('server/main.ts', {
    // The whole environment: free ports and the data dir; nothing inherited.
    env: { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
    ready: (line) => (/Scrape Dashboard\s+http/.test(line) ? true : undefined),
  });
  try {
    await sleep(SETTLE_MS);
    return residentMiB(server.process.pid!);
  } finally {
    await server.stop();
  }
}

/**
 * The sandbox as `npm start` runs it (server/main.ts under tsx, no browser launched), idle: first on a new data
 * dir (which seeds the demo accounts' history), then started again on it.
 */
export async function sandboxIdleMiB(): Promise<{ firstStart: number; laterStart: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-rss-'));
  try {
    const firstStart = await idleServerMiB(dataDir);
    return { firstStart, laterStart: await idleServerMiB(dataDir) };
  } finally {
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
