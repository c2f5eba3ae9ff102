import { Worker } from 'node:worker_threads';

// Plain JavaScript that loads the TypeScript entry through tsx's API, so the thread starts the same under node, tsx
// and vitest (none of whose loaders a worker thread is sure to inherit).
const BOOT_SOURCE = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));
`;

/** A worker thread running the TypeScript module `entry`, which reads `data` as its workerData. */
export function startTypeScriptWorker(entry: URL, data: object): Worker {
  return new Worker(BOOT_SOURCE, {
    eval: true,
    // Whatever loader the server runs under (and a --cpu-prof), the thread brings its own: tsx's API above.
    execArgv: [],
    workerData: { tsx: import.meta.resolve('tsx/esm/api'), entry: entry.href, ...data },
  });
}
