import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { type DemoHistoryAccount, writeDemoHistory } from './demo-history-replay';
import { registerSqlFunctions } from './sql-functions';

/** What the server hands the worker: its database and connection settings, who gets a history, when it ends. */
export interface DemoHistoryWork {
  file: string;
  pragmas: readonly string[];
  accounts: DemoHistoryAccount[];
  nowMs: number;
}

// A thread of its own (demo-history.ts starts it): the heap the replay grows goes away when the thread ends.
const work = workerData as DemoHistoryWork;
const db = new Database(work.file, { fileMustExist: true });
try {
  for (const pragma of work.pragmas) db.pragma(pragma);
  registerSqlFunctions(db);
  // SQLite's own default, not better-sqlite3's 16 MiB: one long transaction would fill all of it, and the thread's
  // malloc arena keeps most of what it grew to after the thread ends (measured: about 10 MiB of the server's idle
  // RSS). The replay is no slower for it.
  db.pragma('cache_size = -2000');
  parentPort!.postMessage(writeDemoHistory(db, work.accounts, work.nowMs));
} catch (error) {
  // A plain Error crosses to the server's thread whole; better-sqlite3's SqliteError arrives without its message.
  throw new Error(`the demo history could not be written: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  db.close();
}
