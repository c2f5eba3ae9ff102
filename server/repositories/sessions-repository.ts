import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { SessionStatus } from '../../contract/sessions';
import { SESSION_DELETED_LISTED, SESSION_MAX_FAILURES } from '../../contract/session-limits';
import type { Sealed } from '../lib/seal';

/** A stored session as SQLite holds it: times in epoch ms, names as JSON arrays, values sealed. */
export interface SessionRow {
  id: string;
  account_id: string;
  name: string;
  domain: string;
  check_url: string;
  cookie_names: string;
  header_names: string;
  secret_iv: Buffer | null;
  secret_tag: Buffer | null;
  secret_data: Buffer | null;
  status: SessionStatus;
  expires_at: number | null;
  last_validated_at: number | null;
  last_validation_valid: 0 | 1 | null;
  validation_confidence: number | null;
  consecutive_failures: number;
  last_used_at: number | null;
  total_requests: number;
  successful_requests: number;
  notes: string | null;
  created_at: number;
  updated_at: number;
}

/** What a create or an edit writes; the secrets are sealed before they get here. */
export interface SessionFields {
  name: string;
  check_url: string;
  cookie_names: string[];
  header_names: string[];
  secrets: Sealed;
  expires_at: number | null;
  notes: string | null;
}

const sealedColumns = (secrets: Sealed | null) => ({
  secret_iv: secrets?.iv ?? null,
  secret_tag: secrets?.tag ?? null,
  secret_data: secrets?.data ?? null,
});

export function createSessionsRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO sessions (id, account_id, name, domain, check_url, cookie_names, header_names, secret_iv, secret_tag,
                           secret_data, status, expires_at, notes, created_at, updated_at)
     VALUES (@id, @account_id, @name, @domain, @check_url, @cookie_names, @header_names, @secret_iv, @secret_tag,
             @secret_data, 'active', @expires_at, @notes, @now, @now)`,
  );
  const byId = db.prepare<[string, string], SessionRow>(`SELECT * FROM sessions WHERE id = ? AND account_id = ?`);
  const live = db.prepare<[string], SessionRow>(
    `SELECT * FROM sessions WHERE account_id = ? AND status IN ('active', 'expired') ORDER BY created_at DESC`,
  );
  const deleted = db.prepare<[string, number], SessionRow>(
    `SELECT * FROM sessions WHERE account_id = ? AND status = 'invalid' ORDER BY updated_at DESC LIMIT ?`,
  );
  const liveCount = db.prepare<[string], { n: number }>(
    `SELECT count(*) AS n FROM sessions WHERE account_id = ? AND status IN ('active', 'expired')`,
  );
  const update = db.prepare(
    `UPDATE sessions SET name = @name, check_url = @check_url, cookie_names = @cookie_names,
            header_names = @header_names, secret_iv = @secret_iv, secret_tag = @secret_tag, secret_data = @secret_data,
            expires_at = @expires_at, notes = @notes, updated_at = @now
      WHERE id = @id AND account_id = @account_id AND status != 'invalid'`,
  );
  const reactivate = db.prepare<[number, string, string]>(
    `UPDATE sessions SET status = 'active', consecutive_failures = 0, updated_at = ?
      WHERE id = ? AND account_id = ? AND status != 'invalid'`,
  );
  // The secrets go with the session: what is left answers SESSION_INACTIVE and keeps the request log's links.
  const remove = db.prepare<[number, string, string]>(
    `UPDATE sessions SET status = 'invalid', secret_iv = NULL, secret_tag = NULL, secret_data = NULL, updated_at = ?
      WHERE id = ? AND account_id = ? AND status != 'invalid'`,
  );
  // SET expressions read the row as it was: the failure that makes the count reach the limit marks it expired.
  const validated = db.prepare(
    `UPDATE sessions
        SET consecutive_failures = CASE WHEN @valid THEN 0 ELSE consecutive_failures + 1 END,
            status = CASE WHEN @valid THEN 'active'
                          WHEN consecutive_failures + 1 >= ${SESSION_MAX_FAILURES} THEN 'expired' ELSE status END,
            last_validated_at = @at, last_validation_valid = @valid, validation_confidence = @confidence
      WHERE id = @id AND account_id = @account_id AND status != 'invalid'`,
  );
  const used = db.prepare(
    `UPDATE sessions SET total_requests = total_requests + 1, successful_requests = successful_requests + @ok,
            last_used_at = @at
      WHERE id = @id AND account_id = @account_id`,
  );

  return {
    find: (accountId: string, id: string): SessionRow | null => byId.get(id, accountId) ?? null,

    /** Live sessions, then the latest deleted ones: both bounded, neither reads the account's whole history. */
    list: (accountId: string): SessionRow[] => [
      ...live.all(accountId),
      ...deleted.all(accountId, SESSION_DELETED_LISTED),
    ],

    liveCount: (accountId: string): number => liveCount.get(accountId)!.n,

    /** Counts and inserts in one transaction, so two creates at once cannot both take the last place. */
    insertWithin(limit: number, row: SessionFields & { id: string; account_id: string; domain: string; now: number }) {
      return db.transaction(() => {
        const inUse = liveCount.get(row.account_id)!.n;
        if (inUse >= limit) return { ok: false as const, inUse };
        insert.run({ ...row, ...sealedColumns(row.secrets), ...jsonNames(row) });
        return { ok: true as const };
      })();
    },

    update(accountId: string, id: string, fields: SessionFields, now: number) {
      update.run({ ...fields, ...sealedColumns(fields.secrets), ...jsonNames(fields), id, account_id: accountId, now });
    },

    reactivate: (accountId: string, id: string, now: number) => void reactivate.run(now, id, accountId),

    remove: (accountId: string, id: string, now: number) => void remove.run(now, id, accountId),

    recordValidation(accountId: string, id: string, check: { valid: boolean; confidence: number; at: number }) {
      validated.run({
        id,
        account_id: accountId,
        valid: check.valid ? 1 : 0,
        confidence: check.confidence,
        at: check.at,
      });
    },

    recordUse(accountId: string, id: string, ok: boolean, at: number) {
      used.run({ id, account_id: accountId, ok: ok ? 1 : 0, at });
    },
  };
}

const jsonNames = (fields: Pick<SessionFields, 'cookie_names' | 'header_names'>) => ({
  cookie_names: JSON.stringify(fields.cookie_names),
  header_names: JSON.stringify(fields.header_names),
});

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    sessionsRepository: SessionsRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('sessionsRepository', createSessionsRepository(app.db));
  },
  { name: 'sessions-repository', dependencies: ['database'] },
);
