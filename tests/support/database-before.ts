import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { MIGRATIONS } from '../../server/db/migrations';
import { registerSqlFunctions } from '../../server/db/sql-functions';

/**
 * An in-memory database as a data dir made before the migration whose SQL holds `marker`: every migration before it
 * run, and `user_version` saying so, so that `migrate()` runs that one and those after it, as at a start-up.
 */
export function databaseBefore(marker: string): Database.Database {
  const db = new Database(':memory:');
  registerSqlFunctions(db);
  const index = MIGRATIONS.findIndex((sql) => sql.includes(marker));
  expect(index).toBeGreaterThan(0);
  for (const sql of MIGRATIONS.slice(0, index)) db.exec(sql);
  db.pragma(`user_version = ${index}`);
  return db;
}
