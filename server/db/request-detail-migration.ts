/**
 * Triage (issue 14), migration entry in migrations.ts: what GET /requests/{id} tells beyond the log's columns, stored
 * when the call is answered because none of it can be rebuilt later (the masked parameters, the error's message, the
 * estimate, the tiers tried, the rate-limit headers the call was answered with), and the errors view's roll-up.
 *
 * The errors view groups failures by code and target host over a period: counted per UTC day by triggers in the
 * transaction that writes the request or its settlement, so a period reads its days' rows, never the history. A
 * scrape is two rows written in either order (an async job settles after its 202 was logged): the request row
 * counts the pair as it is then, and a settlement arriving after it takes back what was counted and counts again.
 * Calls without a target (a 401 on /usage) are counted under the host '' (none).
 */
const DAY_MS = 86_400_000;

const countFailure = (sign: 1 | -1) => `
    INSERT INTO request_day_code_domains (account_id, day, code, domain, n, refunded)
      SELECT account_id, day, code, domain, ${sign}, ${sign} * refunded FROM request_failure_facts
       WHERE request_id = NEW.request_id AND code IS NOT NULL
    ON CONFLICT (account_id, day, code, domain) DO UPDATE SET n = n + excluded.n, refunded = refunded + excluded.refunded;`;

export const REQUEST_DETAIL_MIGRATION = `
  ALTER TABLE requests ADD COLUMN message TEXT;
  -- The scrape request as the server read it, JSON, cookie values masked and keys masked: never a secret.
  ALTER TABLE requests ADD COLUMN parameters TEXT;
  ALTER TABLE requests ADD COLUMN estimated_credits INTEGER;
  -- The tiers tried (the escalations of the result or the failure), JSON.
  ALTER TABLE requests ADD COLUMN escalations TEXT;
  -- The X-RateLimit-* headers the call was answered with, JSON.
  ALTER TABLE requests ADD COLUMN rate_limit TEXT;
  -- An async job's tiers and message come with its result, after its 202 was logged: read from the job by request.
  CREATE INDEX jobs_request ON jobs(request_id);

  CREATE VIEW request_failure_facts AS
    SELECT r.request_id, r.account_id, CAST(r.at / ${DAY_MS} AS INTEGER) AS day, coalesce(s.code, r.code) AS code,
           coalesce(url_host(r.url), '') AS domain, coalesce(s.credits_refunded, 0) AS refunded
      FROM requests r LEFT JOIN settlements s ON s.request_id = r.request_id;
  CREATE TABLE request_day_code_domains (
    account_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    code TEXT NOT NULL,
    domain TEXT NOT NULL,
    n INTEGER NOT NULL,
    refunded INTEGER NOT NULL,
    PRIMARY KEY (account_id, day, code, domain)
  ) WITHOUT ROWID;
  INSERT INTO request_day_code_domains (account_id, day, code, domain, n, refunded)
    SELECT account_id, day, code, domain, count(*), sum(refunded) FROM request_failure_facts
     WHERE code IS NOT NULL GROUP BY 1, 2, 3, 4;
  CREATE TRIGGER request_failures_counted AFTER INSERT ON requests BEGIN ${countFailure(1)}
  END;
  CREATE TRIGGER settlement_failures_uncounted BEFORE INSERT ON settlements
    WHEN EXISTS (SELECT 1 FROM requests WHERE request_id = NEW.request_id)
     AND NOT EXISTS (SELECT 1 FROM settlements WHERE request_id = NEW.request_id)
  BEGIN ${countFailure(-1)}
  END;
  CREATE TRIGGER settlement_failures_counted AFTER INSERT ON settlements
    WHEN EXISTS (SELECT 1 FROM requests WHERE request_id = NEW.request_id)
  BEGIN ${countFailure(1)}
  END;
`;

/**
 * The errors view is of the account's own calls: the dashboard's background calls (a lookup of a mistyped request id
 * in triage, a poll refused by the rate limit) are not a failure of the customer's integration. The triggers read
 * the view, so they count from now on as it says; the roll-up is counted again from the log once, at this migration.
 */
export const ERRORS_VIEW_OWN_CALLS_MIGRATION = `
  DROP VIEW request_failure_facts;
  CREATE VIEW request_failure_facts AS
    SELECT r.request_id, r.account_id, CAST(r.at / ${DAY_MS} AS INTEGER) AS day, coalesce(s.code, r.code) AS code,
           coalesce(url_host(r.url), '') AS domain, coalesce(s.credits_refunded, 0) AS refunded
      FROM requests r LEFT JOIN settlements s ON s.request_id = r.request_id
     WHERE r.origin = 'user';
  DELETE FROM request_day_code_domains;
  INSERT INTO request_day_code_domains (account_id, day, code, domain, n, refunded)
    SELECT account_id, day, code, domain, count(*), sum(refunded) FROM request_failure_facts
     WHERE code IS NOT NULL GROUP BY 1, 2, 3, 4;
`;

/**
 * Migration entry in migrations.ts: the request trigger runs only for a call of the user's with a code, its own or its
 * settlement's, as the view counts; a call without one (every successful one) ran the view's lookup to count nothing.
 */
export const FAILURES_GUARD_MIGRATION = `
  DROP TRIGGER request_failures_counted;
  CREATE TRIGGER request_failures_counted AFTER INSERT ON requests
    WHEN NEW.origin = 'user'
     AND (NEW.code IS NOT NULL
          OR EXISTS (SELECT 1 FROM settlements WHERE request_id = NEW.request_id AND code IS NOT NULL))
  BEGIN ${countFailure(1)}
  END;
`;
