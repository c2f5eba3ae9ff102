import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { ErrorEnvelope } from '../../contract/envelope';
import {
  isJobFinished,
  JOB_RETENTION_HOURS,
  JOB_STATUSES,
  jobSchema,
  scrapeRequestParsedSchema,
  type JobStatus,
} from '../../contract/scrape';
import type { Job, ScrapeRequestParsed, ScrapeResult } from '../../contract/scrape';
import type { Clock } from '../clock';

interface JobRow {
  id: string;
  account_id: string;
  request_id: string;
  status: JobStatus;
  request_json: string;
  result_json: string | null;
  error_json: string | null;
  /** When the status last changed: for an ended job, when it ended (nothing writes to it after that). */
  updated_at: number;
}

export interface StoredJob {
  id: string;
  accountId: string;
  requestId: string;
  request: ScrapeRequestParsed;
}

/** A poll's find: the job, or one of the account's that ended too long ago. Another account's is `unknown`. */
type JobLookup = { kind: 'ok'; job: Job } | { kind: 'expired' } | { kind: 'unknown' };

const RETENTION_MS = JOB_RETENTION_HOURS * 60 * 60 * 1000;

/** The statuses of a job still to run, as the JSON array SQL's json_each reads. */
export const UNFINISHED_JOB_STATUSES = JSON.stringify(JOB_STATUSES.filter((status) => !isJobFinished(status)));

/** Async scrapes: stored, so jobs queued when the server stops run after it starts again. */
export function createJobsRepository(db: Database.Database, clock: Clock) {
  const insert = db.prepare<[string, string, string, JobStatus, string, number, number]>(
    `INSERT INTO jobs (id, account_id, request_id, status, request_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[string, string], JobRow>(`SELECT * FROM jobs WHERE id = ? AND account_id = ?`);
  const update = db.prepare<[JobStatus, string | null, string | null, number, string]>(
    `UPDATE jobs SET status = ?, result_json = ?, error_json = ?, updated_at = ? WHERE id = ?`,
  );
  const unfinished = db.prepare<[string], JobRow>(
    `SELECT * FROM jobs WHERE status IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
  );
  const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

  return {
    create(job: StoredJob) {
      const now = clock.now();
      insert.run(job.id, job.accountId, job.requestId, 'queued', JSON.stringify(job.request), now, now);
    },
    find(accountId: string, id: string): JobLookup {
      const row = byId.get(id, accountId);
      if (!row) return { kind: 'unknown' };
      // Answered as gone, not deleted: its webhook deliveries and request log entry still refer to it.
      if (isJobFinished(row.status) && clock.now() >= row.updated_at + RETENTION_MS) return { kind: 'expired' };
      const failure = json(row.error_json) as ErrorEnvelope | null;
      const job = jobSchema.parse({
        job_id: row.id,
        status: row.status,
        result: json(row.result_json),
        // The official clients show `error` as it is: text. The envelope is `failure` (stored before `code` was).
        error: failure && `${failure.error}: ${failure.message}`,
        failure: failure && { ...failure, code: failure.code ?? failure.error },
      });
      return { kind: 'ok', job };
    },
    markProcessing: (id: string) => void update.run('processing', null, null, clock.now(), id),
    succeed: (id: string, result: ScrapeResult) =>
      void update.run('succeeded', JSON.stringify(result), null, clock.now(), id),
    fail: (id: string, error: ErrorEnvelope) => void update.run('failed', null, JSON.stringify(error), clock.now(), id),
    /** Jobs a previous run of the server left unfinished, oldest first. */
    unfinished: (): StoredJob[] =>
      unfinished.all(UNFINISHED_JOB_STATUSES).map((row) => ({
        id: row.id,
        accountId: row.account_id,
        requestId: row.request_id,
        // Stored as the server read it (normalised), so it is revived as that, not read again as a request.
        request: scrapeRequestParsedSchema.parse(JSON.parse(row.request_json)),
      })),
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobsRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('jobs', createJobsRepository(app.db, app.clock));
  },
  { name: 'jobs-repository', dependencies: ['database', 'clock'] },
);
