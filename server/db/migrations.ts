import type Database from 'better-sqlite3';
import { WEBHOOKS_MIGRATION } from '../webhooks/webhooks-migration';
import { LEDGER_NUMBERS_MIGRATION } from './ledger-numbers-migration';
import {
  ERRORS_VIEW_OWN_CALLS_MIGRATION,
  FAILURES_GUARD_MIGRATION,
  REQUEST_DETAIL_MIGRATION,
} from './request-detail-migration';
import { registerSqlFunctions } from './sql-functions';
import { USAGE_REPORT_MIGRATION, USAGE_REQUEST_GUARD_MIGRATION } from './usage-report-migration';

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
  `
  -- Each account's ledger summed as it grows, by the trigger below, in the transaction that writes the entry: the
  -- balance every answer's header carries and the all-time totals are one row, not a sum over the whole history.
  -- The ledger stays the source of truth (append only); these are rebuilt from it here.
  CREATE TABLE account_totals (
    account_id TEXT PRIMARY KEY REFERENCES accounts(id),
    balance INTEGER NOT NULL DEFAULT 0,
    deposited INTEGER NOT NULL DEFAULT 0,
    charged INTEGER NOT NULL DEFAULT 0,
    refunded INTEGER NOT NULL DEFAULT 0
  );
  INSERT INTO account_totals (account_id, balance, deposited, charged, refunded)
    SELECT a.id, coalesce(sum(l.credits), 0),
           coalesce(sum(CASE WHEN l.kind = 'deposit' THEN l.credits END), 0),
           coalesce(sum(CASE WHEN l.kind = 'charge' THEN -l.credits END), 0),
           coalesce(sum(CASE WHEN l.kind = 'refund' THEN l.credits END), 0)
      FROM accounts a LEFT JOIN ledger l ON l.account_id = a.id GROUP BY a.id;
  CREATE TRIGGER ledger_totals AFTER INSERT ON ledger BEGIN
    INSERT OR IGNORE INTO account_totals (account_id) VALUES (NEW.account_id);
    UPDATE account_totals
       SET balance = balance + NEW.credits,
           deposited = deposited + CASE WHEN NEW.kind = 'deposit' THEN NEW.credits ELSE 0 END,
           charged = charged + CASE WHEN NEW.kind = 'charge' THEN -NEW.credits ELSE 0 END,
           refunded = refunded + CASE WHEN NEW.kind = 'refund' THEN NEW.credits ELSE 0 END
     WHERE account_id = NEW.account_id;
  END;
  -- Usage by day, week or month reads the ledger by time: that range, never the account's whole history.
  CREATE INDEX ledger_account_at ON ledger(account_id, at);
  -- Screenshots of browser scrapes, each its account's own.
  CREATE TABLE screenshots (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    request_id TEXT NOT NULL,
    png BLOB NOT NULL,
    created_at INTEGER NOT NULL
  );
  `,
  `
  -- Stored login sessions. Cookie and header values live only in secret_data, sealed with AES-256-GCM under the
  -- data dir's key (plugins/secrets-key.ts); their names are kept in clear for lists. A deleted session stays as
  -- status 'invalid' with its secrets wiped, so using it later answers SESSION_INACTIVE rather than not found.
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    domain TEXT NOT NULL,
    check_url TEXT NOT NULL,
    cookie_names TEXT NOT NULL,
    header_names TEXT NOT NULL,
    secret_iv BLOB,
    secret_tag BLOB,
    secret_data BLOB,
    status TEXT NOT NULL CHECK (status IN ('active', 'expired', 'invalid')),
    expires_at INTEGER,
    last_validated_at INTEGER,
    last_validation_valid INTEGER,
    validation_confidence REAL,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_used_at INTEGER,
    total_requests INTEGER NOT NULL DEFAULT 0,
    successful_requests INTEGER NOT NULL DEFAULT 0,
    notes TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  -- Live sessions (at most the limit) and the latest deleted ones are each one range of this index.
  CREATE INDEX sessions_account_status ON sessions(account_id, status, updated_at DESC);
  -- The session a request used, and the requests of one session without reading the account's whole log.
  ALTER TABLE requests ADD COLUMN session_id TEXT;
  CREATE INDEX requests_account_session ON requests(account_id, session_id, at DESC, request_id DESC)
    WHERE session_id IS NOT NULL;
  DROP VIEW request_log;
  CREATE VIEW request_log AS
    SELECT r.request_id, r.account_id, r.method, r.path, r.status, coalesce(s.code, r.code) AS code, r.duration_ms,
           r.at, r.url, coalesce(s.credits_charged, 0) AS credits_charged,
           coalesce(s.credits_refunded, 0) AS credits_refunded, s.tier, coalesce(s.cached, 0) AS cached, r.session_id
      FROM requests r LEFT JOIN settlements s USING (request_id);
  `,
  `
  -- Usage summed as it happens, so no read on a request path walks an account's history: rows by UTC day (day =
  -- epoch ms / 86,400,000) and by UTC month, each written by the triggers below in the transaction that writes the
  -- ledger entry, the request row or the settlement it counts. The ledger and the request log stay the source of
  -- truth; the roll-ups are rebuilt from them here.
  -- Holds are summed per account on every scrape: the account's running ones, not the whole table.
  CREATE INDEX holds_account ON holds(account_id, credits);

  -- Credits charged and refunded by the day of the ledger entry: /usage's month and /billing/usage's day, week, month.
  CREATE TABLE ledger_days (
    account_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    charged INTEGER NOT NULL,
    refunded INTEGER NOT NULL,
    PRIMARY KEY (account_id, day)
  ) WITHOUT ROWID;
  INSERT INTO ledger_days (account_id, day, charged, refunded)
    SELECT account_id, CAST(at / 86400000 AS INTEGER),
           sum(CASE WHEN kind = 'charge' THEN -credits ELSE 0 END), sum(CASE WHEN kind = 'refund' THEN credits ELSE 0 END)
      FROM ledger WHERE kind IN ('charge', 'refund') GROUP BY 1, 2;
  CREATE TRIGGER ledger_days AFTER INSERT ON ledger WHEN NEW.kind IN ('charge', 'refund') BEGIN
    INSERT INTO ledger_days (account_id, day, charged, refunded)
      VALUES (NEW.account_id, CAST(NEW.at / 86400000 AS INTEGER),
              CASE WHEN NEW.kind = 'charge' THEN -NEW.credits ELSE 0 END,
              CASE WHEN NEW.kind = 'refund' THEN NEW.credits ELSE 0 END)
      ON CONFLICT (account_id, day) DO UPDATE SET charged = charged + excluded.charged,
                                                  refunded = refunded + excluded.refunded;
  END;

  -- The request log (requests joined to settlements, as the request_log view reads) by the day of the request: calls,
  -- calls with a target URL, what their settlements charged and refunded, cache hits, and each error code's count.
  -- A settlement may be written before its request's row (a sync scrape) or after it (an async job): whichever comes
  -- second adds it to the request's day.
  CREATE TABLE request_days (
    account_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    requests INTEGER NOT NULL,
    scrapes INTEGER NOT NULL,
    charged INTEGER NOT NULL,
    refunded INTEGER NOT NULL,
    cache_hits INTEGER NOT NULL,
    PRIMARY KEY (account_id, day)
  ) WITHOUT ROWID;
  CREATE TABLE request_day_errors (
    account_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    code TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (account_id, day, code)
  ) WITHOUT ROWID;
  -- By target host and UTC month (epoch ms of its first instant): the hosts that cost the most this billing period.
  CREATE TABLE request_month_domains (
    account_id TEXT NOT NULL,
    month INTEGER NOT NULL,
    domain TEXT NOT NULL,
    requests INTEGER NOT NULL,
    credits_used INTEGER NOT NULL,
    PRIMARY KEY (account_id, month, domain)
  ) WITHOUT ROWID;
  INSERT INTO request_days (account_id, day, requests, scrapes, charged, refunded, cache_hits)
    SELECT r.account_id, CAST(r.at / 86400000 AS INTEGER), count(*), count(r.url), coalesce(sum(s.credits_charged), 0),
           coalesce(sum(s.credits_refunded), 0), coalesce(sum(s.cached), 0)
      FROM requests r LEFT JOIN settlements s USING (request_id) GROUP BY 1, 2;
  INSERT INTO request_day_errors (account_id, day, code, n)
    SELECT r.account_id, CAST(r.at / 86400000 AS INTEGER), coalesce(s.code, r.code), count(*)
      FROM requests r LEFT JOIN settlements s USING (request_id)
     WHERE coalesce(s.code, r.code) IS NOT NULL GROUP BY 1, 2, 3;
  INSERT INTO request_month_domains (account_id, month, domain, requests, credits_used)
    SELECT r.account_id,
           CAST(strftime('%s', CAST(r.at / 1000 AS INTEGER), 'unixepoch', 'start of month') AS INTEGER) * 1000,
           url_host(r.url), count(*), coalesce(sum(s.credits_charged - s.credits_refunded), 0)
      FROM requests r LEFT JOIN settlements s USING (request_id)
     WHERE url_host(r.url) IS NOT NULL GROUP BY 1, 2, 3;

  CREATE TRIGGER request_rollups AFTER INSERT ON requests BEGIN
    INSERT INTO request_days (account_id, day, requests, scrapes, charged, refunded, cache_hits)
      SELECT NEW.account_id, CAST(NEW.at / 86400000 AS INTEGER), 1, NEW.url IS NOT NULL,
             coalesce(s.credits_charged, 0), coalesce(s.credits_refunded, 0), coalesce(s.cached, 0)
        FROM (SELECT NEW.request_id AS request_id) r LEFT JOIN settlements s ON s.request_id = r.request_id
       WHERE true
      ON CONFLICT (account_id, day) DO UPDATE SET requests = requests + 1, scrapes = scrapes + excluded.scrapes,
                                                  charged = charged + excluded.charged,
                                                  refunded = refunded + excluded.refunded,
                                                  cache_hits = cache_hits + excluded.cache_hits;
    INSERT INTO request_day_errors (account_id, day, code, n)
      SELECT NEW.account_id, CAST(NEW.at / 86400000 AS INTEGER), code, 1
        FROM (SELECT coalesce((SELECT code FROM settlements WHERE request_id = NEW.request_id), NEW.code) AS code)
       WHERE code IS NOT NULL
      ON CONFLICT (account_id, day, code) DO UPDATE SET n = n + 1;
    INSERT INTO request_month_domains (account_id, month, domain, requests, credits_used)
      SELECT NEW.account_id,
             CAST(strftime('%s', CAST(NEW.at / 1000 AS INTEGER), 'unixepoch', 'start of month') AS INTEGER) * 1000,
             url_host(NEW.url), 1,
             coalesce((SELECT credits_charged - credits_refunded FROM settlements WHERE request_id = NEW.request_id), 0)
       WHERE url_host(NEW.url) IS NOT NULL
      ON CONFLICT (account_id, month, domain) DO UPDATE SET requests = requests + 1,
                                                          credits_used = credits_used + excluded.credits_used;
  END;

  -- A settlement after its request's row: its credits join that day and host, and its code replaces the row's.
  CREATE TRIGGER settlement_rollups AFTER INSERT ON settlements BEGIN
    UPDATE request_days
       SET charged = charged + NEW.credits_charged, refunded = refunded + NEW.credits_refunded,
           cache_hits = cache_hits + NEW.cached
     WHERE account_id = (SELECT account_id FROM requests WHERE request_id = NEW.request_id)
       AND day = (SELECT CAST(at / 86400000 AS INTEGER) FROM requests WHERE request_id = NEW.request_id);
    UPDATE request_day_errors SET n = n - 1
     WHERE account_id = (SELECT account_id FROM requests WHERE request_id = NEW.request_id)
       AND day = (SELECT CAST(at / 86400000 AS INTEGER) FROM requests WHERE request_id = NEW.request_id)
       AND code = (SELECT code FROM requests WHERE request_id = NEW.request_id)
       AND code != NEW.code;
    DELETE FROM request_day_errors
     WHERE account_id = (SELECT account_id FROM requests WHERE request_id = NEW.request_id)
       AND day = (SELECT CAST(at / 86400000 AS INTEGER) FROM requests WHERE request_id = NEW.request_id)
       AND n = 0;
    INSERT INTO request_day_errors (account_id, day, code, n)
      SELECT account_id, CAST(at / 86400000 AS INTEGER), NEW.code, 1 FROM requests
       WHERE request_id = NEW.request_id AND NEW.code IS NOT NULL AND code IS NOT NEW.code
      ON CONFLICT (account_id, day, code) DO UPDATE SET n = n + 1;
    UPDATE request_month_domains SET credits_used = credits_used + NEW.credits_charged - NEW.credits_refunded
     WHERE account_id = (SELECT account_id FROM requests WHERE request_id = NEW.request_id)
       AND month = (SELECT CAST(strftime('%s', CAST(at / 1000 AS INTEGER), 'unixepoch', 'start of month') AS INTEGER)
                           * 1000 FROM requests WHERE request_id = NEW.request_id)
       AND domain = (SELECT url_host(url) FROM requests WHERE request_id = NEW.request_id);
  END;
  `,
  `
  -- The request log at any size: each filter of GET /requests is one range of an index that also gives the newest
  -- first order, so a page costs the same at a thousand rows as at a million (request-log-repository.ts).
  -- origin: 'dashboard' for the calls the dashboard makes by itself (its X-Dashboard-Call header), else 'user'.
  -- domain: the target URL's host (url_host, lower case), kept on the row so it can be indexed.
  -- outcome_code: the code the log shows, the request_log view's coalesce(s.code, r.code), kept on the row so it can
  -- be indexed: written with the row, and by the trigger below when a job settles after its 202 was logged.
  ALTER TABLE requests ADD COLUMN origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('user', 'dashboard'));
  ALTER TABLE requests ADD COLUMN domain TEXT;
  ALTER TABLE requests ADD COLUMN outcome_code TEXT;
  UPDATE requests SET domain = url_host(url) WHERE url IS NOT NULL;
  UPDATE requests
     SET outcome_code = coalesce((SELECT s.code FROM settlements s WHERE s.request_id = requests.request_id), code);
  CREATE TRIGGER settlement_outcome_code AFTER INSERT ON settlements WHEN NEW.code IS NOT NULL BEGIN
    UPDATE requests SET outcome_code = NEW.code WHERE request_id = NEW.request_id;
  END;
  -- Origin leads each index: "the user's calls" (the dashboard's default) and origin + one filter are one range; a
  -- filter without origin reads the two origins' ranges and merges them. No origin and no filter: requests_account_at.
  CREATE INDEX requests_origin ON requests(account_id, origin, at DESC, request_id DESC);
  CREATE INDEX requests_origin_code ON requests(account_id, origin, outcome_code, at DESC, request_id DESC)
    WHERE outcome_code IS NOT NULL;
  CREATE INDEX requests_origin_status ON requests(account_id, origin, status, at DESC, request_id DESC);
  CREATE INDEX requests_origin_method ON requests(account_id, origin, method, at DESC, request_id DESC);
  CREATE INDEX requests_origin_path ON requests(account_id, origin, path, at DESC, request_id DESC);
  CREATE INDEX requests_origin_domain ON requests(account_id, origin, domain, at DESC, request_id DESC)
    WHERE domain IS NOT NULL;
  CREATE INDEX requests_origin_session ON requests(account_id, origin, session_id, at DESC, request_id DESC)
    WHERE session_id IS NOT NULL;
  `,
  USAGE_REPORT_MIGRATION,
  REQUEST_DETAIL_MIGRATION,
  WEBHOOKS_MIGRATION,
  `
  -- Every row of the log entered this index beside requests_origin, which holds the same rows under the account and
  -- the origin: a page of the whole log now reads the two origins' ranges of that one and merges them, as each filter
  -- without an origin does (request-log-pages.ts), and a row is written into one index fewer (bench/report.md).
  DROP INDEX requests_account_at;
  `,
  `
  -- The same for a session's rows: requests_origin_session holds them under the account and the origin, so a session's
  -- page without an origin merges its two ranges like every other filter, and a row with a session is written into one
  -- index fewer.
  DROP INDEX requests_account_session;
  `,
  LEDGER_NUMBERS_MIGRATION,
  ERRORS_VIEW_OWN_CALLS_MIGRATION,
  USAGE_REQUEST_GUARD_MIGRATION,
  FAILURES_GUARD_MIGRATION,
];

export function migrate(db: Database.Database): void {
  registerSqlFunctions(db);
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let index = current; index < MIGRATIONS.length; index++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[index]!);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}
