/**
 * Migration entry in migrations.ts: GET /billing/audit-log by offset with its `total` (api-facts §2.4), neither of
 * which may read an account's history. Each entry is numbered within its account as it is written (1, 2, …) and
 * account_totals counts them; the ledger is append only, so a number never moves. The page `offset` entries below the
 * newest then ends at number `entries - offset`: one seek in ledger_account_number however far back it is, where SQL's
 * OFFSET would step over every entry it skips; a cursor is a number too. Rebuilt from the ledger here.
 */
export const LEDGER_NUMBERS_MIGRATION = `
  ALTER TABLE account_totals ADD COLUMN entries INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE ledger ADD COLUMN number INTEGER;
  UPDATE ledger SET number = numbered.n
    FROM (SELECT id, row_number() OVER (PARTITION BY account_id ORDER BY id) AS n FROM ledger) AS numbered
   WHERE numbered.id = ledger.id;
  UPDATE account_totals SET entries = (SELECT count(*) FROM ledger WHERE ledger.account_id = account_totals.account_id);
  CREATE UNIQUE INDEX ledger_account_number ON ledger(account_id, number);
  -- In the same order as (account_id, id), which the cursor pages read until now: they read this one too, and an
  -- entry still enters one per-account index of that order, not two.
  DROP INDEX ledger_account;
  -- In the transaction that writes the entry. Either order with ledger_totals is right: each makes the account's row if
  -- it is missing and adds to its own columns only.
  CREATE TRIGGER ledger_numbers AFTER INSERT ON ledger BEGIN
    INSERT INTO account_totals (account_id, entries) VALUES (NEW.account_id, 1)
      ON CONFLICT (account_id) DO UPDATE SET entries = entries + 1;
    UPDATE ledger SET number = (SELECT entries FROM account_totals WHERE account_id = NEW.account_id)
     WHERE id = NEW.id;
  END;
`;
