import type { StoredJob } from '../repositories/jobs-repository';

/**
 * A bounded pool of workers over a queue of stored jobs. Jobs are persisted
 * before they are queued, so a stopped server's are enqueued again when it starts.
 */
export function createJobRunner(options: { concurrency: number; run: (job: StoredJob) => Promise<void> }) {
  const queue: StoredJob[] = [];
  const running = new Set<Promise<void>>();
  let closed = false;

  function pump() {
    while (!closed && running.size < options.concurrency && queue.length > 0) {
      const job = queue.shift()!;
      const task = options.run(job).finally(() => {
        running.delete(task);
        pump();
      });
      running.add(task);
    }
  }

  return {
    enqueue(...jobs: StoredJob[]) {
      queue.push(...jobs);
      pump();
    },
    /** Stops taking jobs; the running ones finish. Queued ones stay stored for the next start. */
    async close() {
      closed = true;
      await Promise.allSettled([...running]);
    },
  };
}
