import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { WriteGate } from './write-gate';

/** SQLite's own automatic checkpoint size (1,000 pages of 4 KiB): a WAL smaller than this is left alone. */
export const CHECKPOINT_ABOVE_BYTES = 1000 * 4096;
/**
 * What the WAL may grow to before the request log's writes are held for one checkpoint. Under writes that never
 * pause, each PASSIVE checkpoint ends with newer pages behind it, SQLite never starts the WAL over, and it grows
 * without end: 2.7 GB after two minutes of request-log rows written as fast as they come, each write slower for it.
 */
const WAL_LIMIT_BYTES = 64 * 1024 * 1024;
const CHECK_EVERY_MS = 250;

interface WalCheckpointerOptions {
  /** Held while a checkpoint of a WAL over `limitBytes` runs. */
  gate: WriteGate;
  limitBytes?: number;
  checkEveryMs?: number;
}

// Plain JavaScript from a string, so the worker runs the same under node, tsx and vitest. PASSIVE never waits for
// the writer and never makes it wait: the request log keeps committing while the pages are copied and synced (but
// for a moment once the WAL passes its limit, see tick()).
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
export function startWalCheckpointer(db: Database.Database, options: WalCheckpointerOptions): WalCheckpointer {
  const { gate, limitBytes = WAL_LIMIT_BYTES, checkEveryMs = CHECK_EVERY_MS } = options;
  db.pragma('wal_autocheckpoint = 0');
  // When the WAL starts over, its file is cut back to the limit: disk use stays bounded too.
  db.pragma(`journal_size_limit = ${limitBytes}`);
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
    // Over the limit: that checkpoint ended with newer pages behind it. The next one copies just those while nothing
    // is appended, so the next commit starts the WAL over; the held answers wait only that long.
    if (wal.size > limitBytes) {
      const last = checkpoint();
      gate.hold(last);
      await last;
    }
    checkpointedWal = wal.seen;
  }

  const timer = setInterval(() => void tick(), checkEveryMs);
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
