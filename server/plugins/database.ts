import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import { migrate } from '../db/migrations';
import { startWalCheckpointer, type WalCheckpointer } from '../db/wal-checkpointer';
import { createWriteGate, type WriteGate } from '../db/write-gate';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database.Database;
    /** Held by the WAL checkpointer; the request log's batches wait for it (write-gate.ts). */
    writeGate: WriteGate;
  }
}

/** Every connection's settings: the app's own, and those of the threads that write beside it. */
export const CONNECTION_PRAGMAS = [
  // With WAL, NORMAL syncs at checkpoints instead of every commit: safe against a crash of the process, and a
  // scrape's few small writes stop costing an fsync each.
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  // A statement journal (a write that fires triggers, inside the request log's batch) is a temporary file otherwise:
  // created and deleted on disk, again and again, under load.
  'temp_store = MEMORY',
  // No commit ever copies the WAL into the database: see wal-checkpointer.ts.
  'wal_autocheckpoint = 0',
];

function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'sandbox.db'));
  db.pragma('journal_mode = WAL');
  for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
  migrate(db);
  return db;
}

/** The sandbox's SQLite database in DATA_DIR, migrated on open and closed with the app. */
export default fp(
  async (app) => {
    const db = openDatabase(app.config.dataDir);
    app.decorate('db', db);
    const gate = createWriteGate();
    app.decorate('writeGate', gate);
    let checkpointer: WalCheckpointer | null = null;
    // What start-up wrote (migrations, a new data dir's demo history) is copied into the database at once, on the
    // event loop while no call waits; only then is the WAL watched, so an idle sandbox never runs the worker.
    app.addHook('onReady', async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      checkpointer = startWalCheckpointer(db, { gate });
    });
    app.addHook('onClose', async () => {
      await checkpointer?.close();
      db.close();
    });
  },
  { name: 'database' },
);
