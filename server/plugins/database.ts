import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import { migrate } from '../db/migrations';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database.Database;
  }
}

function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'sandbox.db'));
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL syncs at checkpoints instead of every commit: safe against a crash of the process, and a
  // scrape's few small writes stop costing an fsync each.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** The sandbox's SQLite database in DATA_DIR, migrated on open and closed with the app. */
export default fp(
  async (app) => {
    const db = openDatabase(app.config.dataDir);
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      db.close();
    });
  },
  { name: 'database' },
);
