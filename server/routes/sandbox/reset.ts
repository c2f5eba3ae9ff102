import type { FastifyInstance } from 'fastify';

/**
 * The sandbox's data back to a new data dir's: every row of every table goes (accounts, keys, calls, charges,
 * sessions, webhooks, roll-ups), then the demo accounts are created again. One transaction: a reset that fails
 * leaves everything as it was. The schema and its version stay.
 */
export function resetSandboxData(app: FastifyInstance): number {
  // Calls answered a moment ago are written first, so none lands after the reset for an account that is gone.
  app.requestLog.flush();
  const tables = app.db
    .prepare<[], string>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
    )
    .pluck()
    .all();
  app.db.transaction(() => {
    // The tables reference each other: checked at commit, when all of them are empty.
    app.db.pragma('defer_foreign_keys = ON');
    for (const table of tables) app.db.prepare(`DELETE FROM "${table.replaceAll('"', '""')}"`).run();
    app.accounts.seedDemoAccountsIfEmpty();
  })();
  app.accounts.forgetCachedKeys();
  return app.db.prepare<[], number>(`SELECT count(*) FROM accounts`).pluck().get() ?? 0;
}
