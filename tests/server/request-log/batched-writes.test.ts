import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrations';
import { createRequestLogRepository, type RequestLogRecord } from '../../../server/repositories/request-log-repository';

function setUp() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.exec(`INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_1', 'One', 'free', 0)`);
  const errors: unknown[] = [];
  const log = createRequestLogRepository(db, (error) => errors.push(error));
  const count = () => (db.prepare(`SELECT count(*) AS n FROM requests`).get() as { n: number }).n;
  return { db, log, errors, count };
}

const row = (requestId: string, accountId = 'acct_1'): RequestLogRecord => ({
  requestId,
  accountId,
  method: 'GET',
  path: '/api/v1/usage',
  status: 200,
  code: null,
  durationMs: 1,
  at: 1000,
  url: null,
  sessionId: null,
});

describe('the request log’s batched writes', () => {
  it('writes the calls answered in one turn together, and resolves each once its row is committed', async () => {
    const { log, count } = setUp();
    const committed = [log.commit(row('req_1')), log.commit(row('req_2')), log.commit(row('req_3'))];
    // Still the same turn of the event loop: the batch has not been written yet.
    expect(count()).toBe(0);
    await Promise.all(committed);
    expect(count()).toBe(3);
  });

  it('writes every other row of a batch when one cannot be written, and reports that one', async () => {
    const { log, count, errors } = setUp();
    log.record(row('req_taken'));
    await Promise.all([log.commit(row('req_a')), log.commit(row('req_taken')), log.commit(row('req_b'))]);
    expect(count()).toBe(3);
    expect(errors).toHaveLength(1);
    expect(log.get('acct_1', 'req_a')).not.toBeNull();
    expect(log.get('acct_1', 'req_b')).not.toBeNull();
  });

  it('writes what is waiting when asked to flush, as the server does when it closes', () => {
    const { log, count } = setUp();
    void log.commit(row('req_late'));
    log.flush();
    expect(count()).toBe(1);
  });
});
