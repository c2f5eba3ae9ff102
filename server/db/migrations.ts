import type Database from 'better-sqlite3';

/**
 * Schema changes in order; `PRAGMA user_version` records how many ran.
 * Append only: a shipped migration is never edited.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    plan TEXT NOT NULL,
    subscription_status TEXT NOT NULL DEFAULT 'active',
    created_at INTEGER NOT NULL
  );
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    key_hash TEXT NOT NULL UNIQUE,
    key_last4 TEXT NOT NULL,
    revoked_at INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE auth_tokens (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('deposit', 'charge', 'refund')),
    credits INTEGER NOT NULL,
    request_id TEXT,
    code TEXT,
    url TEXT
  );
  -- A request is charged at most once and refunded at most once.
  CREATE UNIQUE INDEX ledger_once ON ledger(request_id, kind) WHERE request_id IS NOT NULL;
  CREATE INDEX ledger_account ON ledger(account_id, id);
  CREATE TABLE requests (
    request_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    status INTEGER NOT NULL,
    code TEXT,
    duration_ms REAL NOT NULL,
    at INTEGER NOT NULL,
    credits_charged INTEGER NOT NULL DEFAULT 0,
    credits_refunded INTEGER NOT NULL DEFAULT 0,
    tier TEXT,
    url TEXT
  );
  CREATE INDEX requests_account_at ON requests(account_id, at DESC, request_id DESC);
  `,
  `
  -- Credits set aside while a scrape runs; available = balance - holds. Not part of the balance.
  CREATE TABLE holds (
    request_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    credits INTEGER NOT NULL,
    at INTEGER NOT NULL
  );
  ALTER TABLE requests ADD COLUMN cached INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE scrape_cache (
    cache_key TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    result_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  -- The tier that last worked for a URL: what the estimate expects next time.
  CREATE TABLE tier_memory (
    target TEXT PRIMARY KEY,
    tier TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    request_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'processing', 'succeeded', 'failed')),
    request_json TEXT NOT NULL,
    result_json TEXT,
    error_json TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX jobs_pending ON jobs(status, created_at);
  `,
  `
  -- What billing decided for a scrape, written once when it settles (sync or async, whichever finishes first
  -- no longer matters): the request row keeps what the HTTP call was, this what it cost.
  CREATE TABLE settlements (
    request_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    code TEXT,
    tier TEXT,
    credits_charged INTEGER NOT NULL,
    credits_refunded INTEGER NOT NULL,
    cached INTEGER NOT NULL
  );
  INSERT INTO settlements (request_id, account_id, code, tier, credits_charged, credits_refunded, cached)
    SELECT request_id, account_id, NULL, tier, credits_charged, credits_refunded, cached FROM requests
     WHERE tier IS NOT NULL OR cached = 1 OR credits_charged > 0;
  ALTER TABLE requests DROP COLUMN credits_charged;
  ALTER TABLE requests DROP COLUMN credits_refunded;
  ALTER TABLE requests DROP COLUMN tier;
  ALTER TABLE requests DROP COLUMN cached;
  -- An async job's code is the request's outcome, though its POST answered 202.
  CREATE VIEW request_log AS
    SELECT r.request_id, r.account_id, r.method, r.path, r.status, coalesce(s.code, r.code) AS code, r.duration_ms,
           r.at, r.url, coalesce(s.credits_charged, 0) AS credits_charged,
           coalesce(s.credits_refunded, 0) AS credits_refunded, s.tier, coalesce(s.cached, 0) AS cached
      FROM requests r LEFT JOIN settlements s USING (request_id);
  `,
  `
  -- The cache and the tier memory are each account's own: keyed by the page alone, one account's scrape
  -- replaced another's cached answer (its next hit became a charged miss) and moved its estimates.
  CREATE TABLE scrape_cache_v2 (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    cache_key TEXT NOT NULL,
    result_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, cache_key)
  );
  INSERT INTO scrape_cache_v2 (account_id, cache_key, result_json, created_at, expires_at)
    SELECT account_id, cache_key, result_json, created_at, expires_at FROM scrape_cache;
  DROP TABLE scrape_cache;
  ALTER TABLE scrape_cache_v2 RENAME TO scrape_cache;
  -- Shared rows cannot be told apart by account: dropped, so each account's estimates start from its own runs.
  DROP TABLE tier_memory;
  CREATE TABLE tier_memory (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    target TEXT NOT NULL,
    tier TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, target)
  );
  `,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let index = current; index < MIGRATIONS.length; index++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[index]!);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}
