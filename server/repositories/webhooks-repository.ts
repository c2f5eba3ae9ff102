import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import { WEBHOOK_RECENT_DELIVERIES, type DeliveryStatus, type WebhookEvent } from '../../contract/webhooks';
import type { Sealed } from '../lib/seal';

/** A webhook endpoint as SQLite holds it: times in epoch ms, events as a JSON array, the secret sealed. */
export interface WebhookRow {
  id: string;
  account_id: string;
  name: string | null;
  url: string;
  events: string;
  is_active: 0 | 1;
  failure_count: number;
  secret_iv: Buffer;
  secret_tag: Buffer;
  secret_data: Buffer;
  secret_last4: string;
  created_at: number;
  updated_at: number;
}

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  account_id: string;
  event: string;
  payload: string;
  status: DeliveryStatus;
  attempt_count: number;
  last_status_code: number | null;
  next_attempt_at: number | null;
  resend_of: string | null;
  resent: 0 | 1;
  job_id: string | null;
  test: 0 | 1;
  created_at: number;
  updated_at: number;
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  at: number;
  status_code: number | null;
  duration_ms: number;
  ok: 0 | 1;
  response_excerpt: string | null;
  error: string | null;
}

export interface NewDelivery {
  id: string;
  webhook_id: string;
  account_id: string;
  event: string;
  payload: string;
  resend_of: string | null;
  job_id: string | null;
  test: boolean;
  now: number;
}

export interface WebhookStats {
  delivered: number;
  failed: number;
  pending: number;
}

/** SQLite's answer to a second row for one (account, url). */
const isDuplicateUrl = (error: unknown) =>
  (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String(error).includes('webhooks.url');

export function createWebhooksRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO webhooks (id, account_id, name, url, events, is_active, secret_iv, secret_tag, secret_data,
                           secret_last4, created_at, updated_at)
     VALUES (@id, @account_id, @name, @url, @events, 1, @iv, @tag, @data, @last4, @now, @now)`,
  );
  const byId = db.prepare<[string, string], WebhookRow>(`SELECT * FROM webhooks WHERE id = ? AND account_id = ?`);
  const all = db.prepare<[string], WebhookRow>(`SELECT * FROM webhooks WHERE account_id = ? ORDER BY created_at DESC`);
  const update = db.prepare(
    `UPDATE webhooks SET name = @name, url = @url, events = @events, is_active = @is_active, updated_at = @now
      WHERE id = @id AND account_id = @account_id`,
  );
  const rotate = db.prepare(
    `UPDATE webhooks SET secret_iv = @iv, secret_tag = @tag, secret_data = @data, secret_last4 = @last4,
            updated_at = @now WHERE id = @id AND account_id = @account_id`,
  );
  const remove = db.prepare<[string, string]>(`DELETE FROM webhooks WHERE id = ? AND account_id = ?`);
  const subscribers = db.prepare<[string, string], WebhookRow>(
    `SELECT * FROM webhooks w WHERE account_id = ? AND is_active = 1
        AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = ?)`,
  );
  // The latest deliveries only: an endpoint's rate says how it does now, not over its whole history.
  const stats = db.prepare<[string, string, number], WebhookStats>(
    `SELECT coalesce(sum(status = 'delivered'), 0) AS delivered, coalesce(sum(status = 'failed'), 0) AS failed,
            coalesce(sum(status = 'pending'), 0) AS pending
       FROM (SELECT status FROM webhook_deliveries WHERE account_id = ? AND webhook_id = ?
              ORDER BY created_at DESC, id DESC LIMIT ?)`,
  );
  const insertDelivery = db.prepare(
    `INSERT INTO webhook_deliveries (id, webhook_id, account_id, event, payload, status, next_attempt_at, resend_of,
                                     job_id, test, created_at, updated_at)
     VALUES (@id, @webhook_id, @account_id, @event, @payload, 'pending', @now, @resend_of, @job_id, @test, @now, @now)`,
  );
  const delivery = db.prepare<[string, string, string], DeliveryRow>(
    `SELECT * FROM webhook_deliveries WHERE id = ? AND webhook_id = ? AND account_id = ?`,
  );
  const deliveryById = db.prepare<[string], DeliveryRow>(`SELECT * FROM webhook_deliveries WHERE id = ?`);
  const deliveries = db.prepare<[string, string, string | null, string | null, number], DeliveryRow>(
    `SELECT * FROM webhook_deliveries WHERE account_id = ? AND webhook_id = ? AND (? IS NULL OR status = ?)
      ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const attempts = db.prepare<[string], AttemptRow>(
    `SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt`,
  );
  const insertAttempt = db.prepare(
    `INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms, ok, response_excerpt, error)
     VALUES (@delivery_id, @attempt, @at, @status_code, @duration_ms, @ok, @response_excerpt, @error)`,
  );
  const settle = db.prepare(
    `UPDATE webhook_deliveries SET status = @status, attempt_count = @attempt, last_status_code = @status_code,
            next_attempt_at = @next_attempt_at, updated_at = @at WHERE id = @delivery_id`,
  );
  const failures = db.prepare<[string, string]>(
    `UPDATE webhooks SET failure_count = CASE WHEN ? = 'delivered' THEN 0 ELSE failure_count + 1 END WHERE id = ?`,
  );
  const pending = db.prepare<[], Pick<DeliveryRow, 'id' | 'next_attempt_at'>>(
    `SELECT id, next_attempt_at FROM webhook_deliveries WHERE status = 'pending'`,
  );
  const failedSince = db.prepare<[string, string, number], DeliveryRow>(
    `SELECT * FROM webhook_deliveries WHERE account_id = ? AND webhook_id = ? AND status = 'failed' AND resent = 0
        AND created_at >= ? ORDER BY created_at, id`,
  );
  const markResent = db.prepare<[string]>(`UPDATE webhook_deliveries SET resent = 1 WHERE id = ?`);

  const sealedColumns = (sealed: Sealed) => ({ iv: sealed.iv, tag: sealed.tag, data: sealed.data });

  return {
    /** False when the account has an endpoint at this URL already. */
    insert(row: {
      id: string;
      account_id: string;
      name: string | null;
      url: string;
      events: WebhookEvent[];
      secret: Sealed;
      last4: string;
      now: number;
    }): boolean {
      try {
        insert.run({ ...row, events: JSON.stringify(row.events), ...sealedColumns(row.secret) });
        return true;
      } catch (error) {
        if (isDuplicateUrl(error)) return false;
        throw error;
      }
    },
    find: (accountId: string, id: string): WebhookRow | null => byId.get(id, accountId) ?? null,
    list: (accountId: string): WebhookRow[] => all.all(accountId),
    /** False when another endpoint of the account has the new URL. */
    update(
      accountId: string,
      id: string,
      fields: { name: string | null; url: string; events: WebhookEvent[]; is_active: boolean },
      now: number,
    ): boolean {
      try {
        update.run({
          ...fields,
          events: JSON.stringify(fields.events),
          is_active: fields.is_active ? 1 : 0,
          id,
          account_id: accountId,
          now,
        });
        return true;
      } catch (error) {
        if (isDuplicateUrl(error)) return false;
        throw error;
      }
    },
    rotateSecret(accountId: string, id: string, secret: Sealed, last4: string, now: number) {
      rotate.run({ ...sealedColumns(secret), last4, id, account_id: accountId, now });
    },
    remove: (accountId: string, id: string) => remove.run(id, accountId).changes > 0,
    subscribers: (accountId: string, event: WebhookEvent): WebhookRow[] => subscribers.all(accountId, event),
    stats: (accountId: string, id: string): WebhookStats => stats.get(accountId, id, WEBHOOK_RECENT_DELIVERIES)!,

    insertDelivery(row: NewDelivery) {
      insertDelivery.run({ ...row, test: row.test ? 1 : 0 });
    },
    /** A resend and the mark on what it resends, together: a delivery is recovered once. */
    insertResend(row: NewDelivery & { resend_of: string }) {
      db.transaction(() => {
        insertDelivery.run({ ...row, test: row.test ? 1 : 0 });
        markResent.run(row.resend_of);
      })();
    },
    findDelivery: (accountId: string, webhookId: string, id: string): DeliveryRow | null =>
      delivery.get(id, webhookId, accountId) ?? null,
    deliveryById: (id: string): DeliveryRow | null => deliveryById.get(id) ?? null,
    deliveries: (accountId: string, webhookId: string, status: DeliveryStatus | null, limit: number) =>
      deliveries.all(accountId, webhookId, status, status, limit),
    attempts: (deliveryId: string): AttemptRow[] => attempts.all(deliveryId),
    pending: () => pending.all(),
    failedSince: (accountId: string, webhookId: string, since: number) => failedSince.all(accountId, webhookId, since),

    /** One attempt and what it leaves: the delivery's status and next time, and the endpoint's failure count. */
    recordAttempt(
      attempt: AttemptRow,
      outcome: { status: DeliveryStatus; next_attempt_at: number | null; webhook_id: string },
    ) {
      db.transaction(() => {
        insertAttempt.run(attempt);
        settle.run({ ...attempt, status: outcome.status, next_attempt_at: outcome.next_attempt_at });
        if (outcome.status !== 'pending') failures.run(outcome.status, outcome.webhook_id);
      })();
    },
  };
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    webhooksRepository: WebhooksRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('webhooksRepository', createWebhooksRepository(app.db));
  },
  { name: 'webhooks-repository', dependencies: ['database'] },
);
