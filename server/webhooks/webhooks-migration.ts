/**
 * Webhook endpoints, their deliveries and every attempt of each (issue 15). A delivery is stored before it is
 * sent, with the exact body and the time of its next attempt, so the pending ones resume after a restart.
 * The secret is sealed (seal.ts) like a session's cookies; only its last 4 characters are kept in clear.
 */
export const WEBHOOKS_MIGRATION = `
  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    name TEXT,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    is_active INTEGER NOT NULL DEFAULT 1,
    failure_count INTEGER NOT NULL DEFAULT 0,
    secret_iv BLOB NOT NULL,
    secret_tag BLOB NOT NULL,
    secret_data BLOB NOT NULL,
    secret_last4 TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  -- One endpoint per URL per account: a second create of it is WEBHOOK_ALREADY_EXISTS.
  CREATE UNIQUE INDEX webhooks_account_url ON webhooks(account_id, url);
  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempt_count INTEGER NOT NULL DEFAULT 0,
    last_status_code INTEGER,
    next_attempt_at INTEGER,
    resend_of TEXT,
    resent INTEGER NOT NULL DEFAULT 0,
    job_id TEXT,
    test INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX webhook_deliveries_log ON webhook_deliveries(account_id, webhook_id, created_at DESC, id DESC);
  CREATE INDEX webhook_deliveries_failed ON webhook_deliveries(webhook_id, created_at) WHERE status = 'failed';
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';
  CREATE TABLE webhook_attempts (
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    at INTEGER NOT NULL,
    status_code INTEGER,
    duration_ms REAL NOT NULL,
    ok INTEGER NOT NULL,
    response_excerpt TEXT,
    error TEXT,
    PRIMARY KEY (delivery_id, attempt)
  ) WITHOUT ROWID;
`;
