import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrations';
import { createWriteGate } from '../../../server/db/write-gate';
import { createRequestLogRepository, type RequestLogRecord } from '../../../server/repositories/request-log-repository';

function setUp() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.exec(`INSERT INTO accounts (id, name, plan, created_at) VALUES ('acct_1', 'One', 'free', 0)`);
  const errors: unknown[] = [];
  const gate = createWriteGate();
  const log = createRequestLogRepository(db, (error) => errors.push(error), gate);
  const count = () => (db.prepare(`SELECT count(*) AS n FROM requests`).get() as { n: number }).n;
  return { db, log, errors, count, gate };
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

  it('holds a batch while the WAL checkpointer holds writes, and commits it, answers and all, once let go', async () => {
    const { log, count, gate } = setUp();
    let release!: () => void;
    gate.hold(new Promise<void>((resolve) => (release = resolve)));
    let answered = false;
    const committed = log.commit(row('req_held')).then(() => {
      answered = true;
    });
    // The batch's turn comes and goes: the row waits in its queue, and so does the answer that waits for it.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect({ rows: count(), answered }).toEqual({ rows: 0, answered: false });

    release();
    await committed;
    expect(count()).toBe(1);
    expect(gate.held).toBeNull();
  });

  it('writes held rows at once when the server closes', () => {
    const { log, count, gate } = setUp();
    gate.hold(new Promise<void>(() => {}));
    void log.commit(row('req_at_close'));
    log.flush();
    expect(count()).toBe(1);
  });
});
