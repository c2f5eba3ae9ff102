/**
 * The `/usage` page's roll-ups (migration entry in migrations.ts). Each account's scrapes are summed per
 * quarter hour by outcome, tier, error code and target domain, by triggers, in the transaction that writes the
 * request or its settlement: a report over a period reads that period's rows, never the account's history.
 * Domains are the request log's own column (the target's host, written with the row by url_host).
 * A quarter hour, not a day: every time zone's offset is a whole number of quarter hours, so any zone's days are
 * whole sets of buckets.
 *
 * A scrape is two rows written in either order: its settlement (what it cost) and its request (what the call was,
 * written when it was answered; a job settles after its 202). The request row counts the pair as it is then; a
 * settlement arriving after it takes back what the request counted and counts the pair again.
 */

export const BUCKET_MS = 15 * 60 * 1000;

/** One table per breakdown: its key column and the sums it keeps beyond requests and credits. */
const ROLL_UPS = [
  { table: 'usage_outcomes_15m', key: 'outcome', extra: [] },
  { table: 'usage_tiers_15m', key: 'tier', extra: [] },
  { table: 'usage_codes_15m', key: 'code', extra: [] },
  {
    table: 'usage_domains_15m',
    key: 'domain',
    extra: [
      ['successes', `CASE WHEN outcome IN ('success', 'cached') THEN 1 ELSE 0 END`],
      // The tiers of charged scrapes, summed with their count, for the domain's average tier.
      ['tier_total', `coalesce(CAST(tier AS INTEGER), 0)`],
      ['tiered', `CASE WHEN tier IS NULL THEN 0 ELSE 1 END`],
    ],
  },
] as const;

const createTable = ({ table, key, extra }: (typeof ROLL_UPS)[number]) => `
  CREATE TABLE ${table} (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    bucket INTEGER NOT NULL,
    ${key} TEXT NOT NULL,
    requests INTEGER NOT NULL DEFAULT 0,
    credits_charged INTEGER NOT NULL DEFAULT 0,
    credits_refunded INTEGER NOT NULL DEFAULT 0,
    ${extra.map(([column]) => `${column} INTEGER NOT NULL DEFAULT 0,`).join(' ')}
    PRIMARY KEY (account_id, bucket, ${key})
  ) WITHOUT ROWID;`;

/** Adds (sign 1) or takes back (sign -1) what one request counts in a roll-up. */
const count = ({ table, key, extra }: (typeof ROLL_UPS)[number], sign: 1 | -1, where: string) => {
  const sums = ['requests', 'credits_charged', 'credits_refunded', ...extra.map(([column]) => column)];
  const values = ['1', 'charged', 'refunded', ...extra.map(([, value]) => value)].map((v) => `${sign} * (${v})`);
  return `
    INSERT INTO ${table} (account_id, bucket, ${key}, ${sums.join(', ')})
      SELECT account_id, bucket, ${key}, ${values.join(', ')} FROM usage_facts
       WHERE ${where} AND ${key} IS NOT NULL
    ON CONFLICT (account_id, bucket, ${key}) DO UPDATE SET
      ${sums.map((column) => `${column} = ${column} + excluded.${column}`).join(', ')};`;
};

const backfill = ({ table, key, extra }: (typeof ROLL_UPS)[number]) => {
  const sums = ['requests', 'credits_charged', 'credits_refunded', ...extra.map(([column]) => column)];
  const values = ['1', 'charged', 'refunded', ...extra.map(([, value]) => value)].map((v) => `sum(${v})`);
  return `
    INSERT INTO ${table} (account_id, bucket, ${key}, ${sums.join(', ')})
      SELECT account_id, bucket, ${key}, ${values.join(', ')} FROM usage_facts
       WHERE ${key} IS NOT NULL GROUP BY account_id, bucket, ${key};`;
};

const countAll = (sign: 1 | -1) =>
  ROLL_UPS.map((rollUp) => count(rollUp, sign, 'request_id = NEW.request_id')).join('');

export const USAGE_REPORT_MIGRATION = `
  -- A scrape as the usage reports count it: a call of POST /scrape, or any call that was settled.
  CREATE VIEW usage_facts AS
    SELECT r.request_id, r.account_id, r.at / ${BUCKET_MS} AS bucket,
           CASE WHEN s.cached = 1 THEN 'cached'
                WHEN s.request_id IS NOT NULL AND s.code IS NULL THEN 'success'
                WHEN s.credits_refunded > 0 THEN 'refunded'
                WHEN s.request_id IS NULL AND r.status < 400 THEN 'success'
                ELSE 'failed' END AS outcome,
           coalesce(s.code, r.code) AS code, s.tier,
           r.domain,
           coalesce(s.credits_charged, 0) AS charged, coalesce(s.credits_refunded, 0) AS refunded
      FROM requests r LEFT JOIN settlements s ON s.request_id = r.request_id
     WHERE s.request_id IS NOT NULL OR rtrim(r.path, '/') = '/api/v1/scrape';
  ${ROLL_UPS.map(createTable).join('')}
  ${ROLL_UPS.map(backfill).join('')}
  CREATE TRIGGER usage_request_counted AFTER INSERT ON requests BEGIN ${countAll(1)}
  END;
  CREATE TRIGGER usage_settlement_uncounted BEFORE INSERT ON settlements
    WHEN EXISTS (SELECT 1 FROM requests WHERE request_id = NEW.request_id)
     AND NOT EXISTS (SELECT 1 FROM settlements WHERE request_id = NEW.request_id)
  BEGIN ${countAll(-1)}
  END;
  CREATE TRIGGER usage_settlement_counted AFTER INSERT ON settlements
    WHEN EXISTS (SELECT 1 FROM requests WHERE request_id = NEW.request_id)
  BEGIN ${countAll(1)}
  END;
  -- The refund history reads an account's refunds by time, not its whole ledger.
  CREATE INDEX ledger_account_kind_at ON ledger(account_id, kind, at);
`;

/**
 * Migration entry in migrations.ts: the request trigger runs only for the rows the view can count, a call of POST
 * /scrape or a settled one. Every other call (a GET /usage, say) ran the view's four lookups to count nothing, on the
 * request path of every call (bench/report.md).
 */
export const USAGE_REQUEST_GUARD_MIGRATION = `
  DROP TRIGGER usage_request_counted;
  CREATE TRIGGER usage_request_counted AFTER INSERT ON requests
    WHEN rtrim(NEW.path, '/') = '/api/v1/scrape' OR EXISTS (SELECT 1 FROM settlements WHERE request_id = NEW.request_id)
  BEGIN ${countAll(1)}
  END;
`;
