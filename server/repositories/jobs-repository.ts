import type Database from 'better-sqlite3';
import type { ErrorEnvelope } from '../../contract/envelope';
import type { Job, ScrapeRequestParsed, ScrapeResult } from '../../contract/scrape';
import type { Clock } from '../clock';

interface JobRow {
  id: string;
  account_id: string;
  request_id: string;
  status: Job['status'];
  request_json: string;
  result_json: string | null;
  error_json: string | null;
}

export interface StoredJob {
  id: string;
  accountId: string;
  requestId: string;
  request: ScrapeRequestParsed;
}

/** Async scrapes: stored, so jobs queued when the server stops run after it starts again. */
export function createJobsRepository(db: Database.Database, clock: Clock) {
  const insert = db.prepare(
    `INSERT INTO jobs (id, account_id, request_id, status, request_json, created_at, updated_at)
     VALUES (?, ?, ?, 'queued', ?, ?, ?)`,
  );
  const byId = db.prepare<[string, string], JobRow>(`SELECT * FROM jobs WHERE id = ? AND account_id = ?`);
  const setStatus = db.prepare(`UPDATE jobs SET status = ?, updated_at = ? WHERE id = ?`);
  const finish = db.prepare(`UPDATE jobs SET status = ?, result_json = ?, error_json = ?, updated_at = ? WHERE id = ?`);
  const unfinished = db.prepare<[], JobRow>(
    `SELECT * FROM jobs WHERE status IN ('queued', 'processing') ORDER BY created_at, rowid`,
  );

  const toStored = (row: JobRow): StoredJob => ({
    id: row.id,
    accountId: row.account_id,
    requestId: row.request_id,
    request: JSON.parse(row.request_json) as ScrapeRequestParsed,
  });

  return {
    create(job: StoredJob) {
      const now = clock.now();
      insert.run(job.id, job.accountId, job.requestId, JSON.stringify(job.request), now, now);
    },
    find(accountId: string, id: string): Job | null {
      const row = byId.get(id, accountId);
      if (!row) return null;
      return {
        job_id: row.id,
        status: row.status,
        result: row.result_json ? (JSON.parse(row.result_json) as ScrapeResult) : null,
        error: row.error_json ? (JSON.parse(row.error_json) as ErrorEnvelope) : null,
      };
    },
    markProcessing: (id: string) => void setStatus.run('processing', clock.now(), id),
    succeed: (id: string, result: ScrapeResult) =>
      void finish.run('succeeded', JSON.stringify(result), null, clock.now(), id),
    fail: (id: string, error: ErrorEnvelope) => void finish.run('failed', null, JSON.stringify(error), clock.now(), id),
    /** Jobs a previous run of the server left unfinished, oldest first. */
    unfinished: () => unfinished.all().map(toStored),
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
