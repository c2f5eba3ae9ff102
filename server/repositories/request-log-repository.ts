import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { RequestLogEntry, RequestLogFilter, RequestOrigin } from '../../contract/request-log';
import { createWriteGate, type WriteGate } from '../db/write-gate';
import { maskSecrets, maskSecretsOrNull } from '../lib/mask-secrets';
import { createRequestDetailReads } from './request-detail-reads';
import { createRequestLogPages, ENTRY_COLUMNS, ENTRY_FROM, type EntryRow } from './request-log-pages';

/** What a call was, as HTTP: its cost is the settlement's, which the log joins in (migration 3). */
export interface RequestLogRecord {
  requestId: string;
  accountId: string;
  method: string;
  path: string;
  status: number;
  code: string | null;
  durationMs: number;
  at: number;
  url: string | null;
  /** The stored session the call used. */
  sessionId: string | null;
  /** Absent: the user's. */
  origin?: RequestOrigin | undefined;
  /** What GET /requests/{id} tells beyond the entry (request-detail-migration.ts); absent: nothing to tell. */
  detail?: RequestDetailFacts | undefined;
}

/** Recorded as the call is answered; the JSON ones are stored as text. */
export interface RequestDetailFacts {
  message?: string | null;
  /** The scrape request, already masked (scrape-parameters.ts). */
  parameters?: Record<string, unknown> | null;
  estimatedCredits?: number | null;
  escalations?: readonly unknown[] | null;
  /** The X-RateLimit-* headers of the answer. */
  rateLimit?: Record<string, string> | null;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const toEntry = (row: EntryRow): RequestLogEntry => ({
  ...row,
  duration_ms: Math.round(row.duration_ms * 10) / 10,
  at: new Date(row.at).toISOString(),
});

/** `gate`: the server's (write-gate.ts); the demo history's replay, alone on its connection, has one never held. */
export function createRequestLogRepository(
  db: Database.Database,
  onWriteError: (error: unknown) => void,
  gate: WriteGate = createWriteGate(),
) {
  // The host and the code the log is searched by are kept on the row (migration 8): a job settled before its 202 was
  // logged already has its code; one settled after gets it from the settlement's trigger.
  const insert = db.prepare<Record<string, string | number | null>>(
    `INSERT INTO requests (request_id, account_id, method, path, status, code, duration_ms, at, url, session_id, origin,
                           domain, outcome_code, message, parameters, estimated_credits, escalations, rate_limit)
     VALUES (@requestId, @accountId, @method, @path, @status, @code, @durationMs, @at, @url, @sessionId, @origin,
             url_host(@url), coalesce((SELECT code FROM settlements WHERE request_id = @requestId), @code),
             @message, @parameters, @estimatedCredits, @escalations, @rateLimit)`,
  );
  const byId = db.prepare<[string, string], EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} WHERE r.request_id = ? AND r.account_id = ?`,
  );
  const pages = createRequestLogPages(db);

  // A key anywhere in its URLs never lands here.
  const write = ({ detail, ...entry }: RequestLogRecord) =>
    void insert.run({
      ...entry,
      origin: entry.origin ?? 'user',
      path: maskSecrets(entry.path),
      url: maskSecretsOrNull(entry.url),
      message: maskSecretsOrNull(detail?.message ?? null),
      parameters: json(detail?.parameters),
      estimatedCredits: detail?.estimatedCredits ?? null,
      escalations: json(detail?.escalations),
      rateLimit: json(detail?.rateLimit),
    });
  const details = createRequestDetailReads(db);
  const writeAll = db.transaction((entries: RequestLogRecord[]) => entries.forEach(write));

  let pending: { entry: RequestLogRecord; written: () => void }[] = [];
  /** The batch's turn: now, unless the checkpointer holds writes back (write-gate.ts); then as it lets go. */
  function flushWhenOpen() {
    if (gate.held) void gate.held.then(flushWhenOpen);
    else flush();
  }
  function flush() {
    const batch = pending;
    pending = [];
    if (batch.length === 0 || !db.open) return;
    try {
      writeAll(batch.map((item) => item.entry));
    } catch {
      // One row that cannot be written must not cost the others theirs.
      for (const { entry } of batch) {
        try {
          write(entry);
        } catch (error) {
          onWriteError(error);
        }
      }
    }
    for (const item of batch) item.written();
  }

  return {
    /** Writes a call's row now, in a transaction of its own. */
    record: write,

    /**
     * Writes a call's row with the other calls answered in this turn of the event loop, in one transaction, and
     * resolves once it is committed: the caller answers after that, so no answer a client saw lacks its row.
     */
    commit(entry: RequestLogRecord): Promise<void> {
      return new Promise((written) => {
        if (pending.push({ entry, written }) === 1) setImmediate(flushWhenOpen);
      });
    },

    /** The rows still waiting for their turn, written at once, held or not: for shutdown and the sandbox's reset. */
    flush,

    get: (accountId: string, requestId: string) => {
      const row = byId.get(requestId, accountId);
      return row ? toEntry(row) : null;
    },

    /** GET /requests/{id}: null for an unknown id and for another account's alike. */
    detail: details.detail,

    /** GET /requests/errors: failures by code and host over whole days, from the roll-up. */
    errors: details.errors,

    list(accountId: string, filter: RequestLogFilter): { requests: RequestLogEntry[]; next_cursor: string | null } {
      const { rows, nextCursor } = pages.page(accountId, filter);
      return { requests: rows.map(toEntry), next_cursor: nextCursor };
    },
  };
}

export type RequestLogRepository = ReturnType<typeof createRequestLogRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    requestLog: RequestLogRepository;
  }
}

export default fp(
  async (app) => {
    const repository = createRequestLogRepository(
      app.db,
      (error) => app.log.error({ err: error }, 'a request log row could not be written'),
      app.writeGate,
    );
    app.decorate('requestLog', repository);
    // Before the database closes (registered first, it closes last): the rows of calls answered just before.
    app.addHook('onClose', async () => repository.flush());
  },
  { name: 'request-log-repository', dependencies: ['database'] },
);
