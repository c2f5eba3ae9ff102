import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { Clock } from '../clock';
import { newId } from '../lib/secrets';

/** The PNGs of browser scrapes: each one its account's, found by an id no other account can use. */
export function createScreenshotsRepository(db: Database.Database, clock: Clock) {
  const insert = db.prepare<[string, string, string, Buffer, number]>(
    `INSERT INTO screenshots (id, account_id, request_id, png, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[string, string], { png: Buffer }>(
    `SELECT png FROM screenshots WHERE id = ? AND account_id = ?`,
  );
  return {
    /** Stores a screenshot and gives its id. */
    save(accountId: string, requestId: string, png: Buffer): string {
      const id = newId('shot');
      insert.run(id, accountId, requestId, png, clock.now());
      return id;
    },
    find: (accountId: string, id: string): Buffer | null => byId.get(id, accountId)?.png ?? null,
  };
}

export type ScreenshotsRepository = ReturnType<typeof createScreenshotsRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    screenshots: ScreenshotsRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('screenshots', createScreenshotsRepository(app.db, app.clock));
  },
  { name: 'screenshots-repository', dependencies: ['database', 'clock'] },
);
