import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's own automatic checkpoint size (1,000 pages of 4 KiB): a WAL smaller than this is left alone. */
export const CHECKPOINT_ABOVE_BYTES = 1000 * 4096;
const CHECK_EVERY_MS = 250;

// Plain JavaScript from a string, so the worker runs the same under node, tsx and vitest. PASSIVE never waits for
// the writer and never makes it wait: the request log keeps committing while the pages are copied and synced.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A checkpoint that could not run is retried on the next tick.
  }
  parentPort.postMessage('done');
});
`;

export interface WalCheckpointer {
  /** Whether the background connection exists (it starts once the WAL first outgrows CHECKPOINT_ABOVE_BYTES). */
  readonly started: boolean;
  /** Resolves after the next background checkpoint has run; starts the worker if need be. */
  checkpointNow(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Checkpoints the WAL on a connection of its own in a worker thread, instead of inside whichever commit crosses
 * SQLite's threshold: that commit would copy the pages and wait for two fsyncs on the event loop, holding up every
 * answer meanwhile. The main connection's automatic checkpoint is turned off. The worker is started only once the
 * WAL grows (a sandbox that is not under load never runs it) and lives until the app closes.
 */
export function startWalCheckpointer(db: Database.Database): WalCheckpointer {
  db.pragma('wal_autocheckpoint = 0');
  const walFile = `${db.name}-wal`;
  let worker: Worker | null = null;
  let running: Promise<void> | null = null;
  let closed = false;

  function ensureWorker(): Worker {
    worker ??= new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: db.name },
    });
    // The app's close stops it; until then it must not be what keeps a process alive.
    worker.unref();
    return worker;
  }

  function checkpoint(): Promise<void> {
    running ??= new Promise<void>((resolve) => {
      const target = ensureWorker();
      const done = () => {
        target.off('error', done);
        target.off('exit', done);
        target.off('message', done);
        running = null;
        resolve();
      };
      target.once('message', done);
      target.once('error', done);
      target.once('exit', done);
      target.postMessage('checkpoint');
    });
    return running;
  }

  // A checkpoint writes the database file, never the WAL: a WAL as it was at the last checkpoint has nothing new.
  let checkpointedWal = '';
  async function tick() {
    if (closed || running) return;
    const wal = await stat(walFile).then(
      (file) => ({ size: file.size, seen: `${file.size}:${file.mtimeMs}` }),
      () => ({ size: 0, seen: '' }),
    );
    if (closed || running || wal.seen === checkpointedWal) return;
    if (!worker && wal.size <= CHECKPOINT_ABOVE_BYTES) return;
    await checkpoint();
    checkpointedWal = wal.seen;
  }

  const timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  timer.unref();

  return {
    get started() {
      return worker !== null;
    },
    checkpointNow: checkpoint,
    async close() {
      closed = true;
      clearInterval(timer);
      // Waited for from here on: an unreferenced worker would let the process end with the close still pending.
      worker?.ref();
      if (running) await running;
      if (!worker) return;
      const exited = new Promise((resolve) => worker!.once('exit', resolve));
      worker.postMessage('close');
      await exited;
      worker = null;
    },
  };
}
