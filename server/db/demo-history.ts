import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { startTypeScriptWorker } from '../lib/typescript-worker';
import { CONNECTION_PRAGMAS } from '../plugins/database';
import { DEMO_KEY } from './demo-accounts';
import { DAILY_SCRAPES } from './demo-history-plan';
import type { DemoHistoryAccount } from './demo-history-replay';
import type { DemoHistoryWork } from './demo-history-worker';

const WORKER_ENTRY = new URL('./demo-history-worker.ts', import.meta.url);

/** A new data dir: no call logged and nothing charged yet, whatever the demo accounts were seeded with. */
function isFreshDataDir(app: FastifyInstance): boolean {
  const row = app.db
    .prepare<[], { used: number }>(
      `SELECT EXISTS (SELECT 1 FROM requests) OR EXISTS (SELECT 1 FROM ledger WHERE kind <> 'deposit') AS used`,
    )
    .get()!;
  return row.used === 0;
}

/** The demo accounts that have a history, in the plan's order. */
function accountsWithHistory(app: FastifyInstance): DemoHistoryAccount[] {
  return (Object.keys(DAILY_SCRAPES) as (keyof typeof DEMO_KEY)[]).flatMap((name) => {
    const found = app.accounts.findByKey(DEMO_KEY[name]);
    return found.kind === 'ok' ? [{ name, id: found.account.id }] : [];
  });
}

/**
 * Writes the history on a connection of its own in a worker thread, which ends when it is done: the replay's
 * garbage leaves with its heap instead of staying in the idle server's. Resolves with how many calls were written
 * once the worker is gone (its connection closed); rejects with the worker's own error.
 */
function writeInWorker(work: DemoHistoryWork): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = startTypeScriptWorker(WORKER_ENTRY, work);
    let written: number | null = null;
    worker.once('message', (calls: number) => {
      written = calls;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (written !== null) return resolve(written);
      reject(new Error(`the demo history's worker stopped (exit code ${code}) before writing it`));
    });
  });
}

/** Registered when the server starts with a history (not with --no-demo-history): a new data dir gets one. */
export default fp(
  async (app) => {
    if (!isFreshDataDir(app)) return;
    const started = performance.now();
    const written = await writeInWorker({
      file: app.db.name,
      pragmas: CONNECTION_PRAGMAS,
      accounts: accountsWithHistory(app),
      nowMs: app.clock.now(),
    });
    app.log.info({ calls: written, ms: Math.round(performance.now() - started) }, 'demo history written');
  },
  {
    name: 'demo-history',
    dependencies: ['accounts-repository', 'database', 'clock'],
  },
);
