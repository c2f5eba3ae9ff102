import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import type { Plan } from '../../contract/plans';
import type { subscriptionStatusSchema } from '../../contract/usage';
import type { Clock } from '../clock';
import { DEMO_ACCOUNTS } from '../db/demo-accounts';
import { createLruCache } from '../lib/lru-cache';
import { newId, randomToken, sha256 } from '../lib/secrets';

type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

export interface Account {
  id: string;
  name: string;
  plan: Plan;
  subscriptionStatus: SubscriptionStatus;
}

export type KeyLookup = { kind: 'ok'; account: Account } | { kind: 'unknown' } | { kind: 'revoked' };
export type TokenLookup = { kind: 'ok'; account: Account } | { kind: 'unknown' } | { kind: 'expired' };

const TOKEN_TTL_MS = 60 * 60 * 1000;
/** Keys remembered between calls: each is one SHA-256 hash and an account, so memory stays small at the cap. */
const KEY_CACHE_SIZE = 10_000;

interface AccountRow {
  id: string;
  name: string;
  plan: Plan;
  subscription_status: SubscriptionStatus;
}

// Frozen: one object is shared by every call of the key while it is cached.
const toAccount = (row: AccountRow): Account =>
  Object.freeze({ id: row.id, name: row.name, plan: row.plan, subscriptionStatus: row.subscription_status });

export function createAccountsRepository(db: Database.Database, clock: Clock) {
  const byKeyHash = db.prepare<[string], AccountRow & { revoked_at: number | null }>(
    `SELECT a.*, k.revoked_at FROM api_keys k JOIN accounts a ON a.id = k.account_id WHERE k.key_hash = ?`,
  );
  const byTokenHash = db.prepare<[string], AccountRow & { expires_at: number }>(
    `SELECT a.*, t.expires_at FROM auth_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = ?`,
  );
  const insertAccount = db.prepare(
    `INSERT INTO accounts (id, name, plan, subscription_status, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertKey = db.prepare(
    `INSERT INTO api_keys (id, account_id, key_hash, key_last4, revoked_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertDeposit = db.prepare(
    `INSERT INTO ledger (account_id, at, kind, credits, code) VALUES (?, ?, 'deposit', ?, 'OPENING_BALANCE')`,
  );
  const revokeKey = db.prepare<[number, string]>(
    `UPDATE api_keys SET revoked_at = ? WHERE key_hash = ? AND revoked_at IS NULL`,
  );
  const updateAccount = db.prepare<{ id: string; plan: Plan | null; status: SubscriptionStatus | null }>(
    `UPDATE accounts SET plan = coalesce(@plan, plan), subscription_status = coalesce(@status, subscription_status)
      WHERE id = @id`,
  );
  const insertToken = db.prepare(`INSERT INTO auth_tokens (token_hash, account_id, expires_at) VALUES (?, ?, ?)`);
  const accountCount = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM accounts`);

  const create = db.transaction(
    (input: {
      key: string;
      name: string;
      plan: Plan;
      balance: number;
      subscription: SubscriptionStatus;
      revoked: boolean;
    }) => {
      const now = clock.now();
      const accountId = newId('acct');
      insertAccount.run(accountId, input.name, input.plan, input.subscription, now);
      insertKey.run(newId('key'), accountId, sha256(input.key), input.key.slice(-4), input.revoked ? now : null, now);
      if (input.balance > 0) insertDeposit.run(accountId, now, input.balance);
      return accountId;
    },
  );

  // Every call looks its key up: the answer is kept by the key's hash (never the key), and dropped by the writes
  // below, the only ones that change what it holds. An unknown key is not kept: it may be created a moment later.
  const keys = createLruCache<string, KeyLookup>(KEY_CACHE_SIZE);

  return {
    findByKey(key: string): KeyLookup {
      const hash = sha256(key);
      const cached = keys.get(hash);
      if (cached) return cached;
      const row = byKeyHash.get(hash);
      if (!row) return { kind: 'unknown' };
      const found: KeyLookup = row.revoked_at !== null ? { kind: 'revoked' } : { kind: 'ok', account: toAccount(row) };
      keys.set(hash, found);
      return found;
    },

    /** The key stops working from the next call; false when it was unknown or already revoked. */
    revokeKey(key: string): boolean {
      const hash = sha256(key);
      const revoked = revokeKey.run(clock.now(), hash).changes > 0;
      keys.delete(hash);
      return revoked;
    },

    /** A new plan or subscription status, seen by the account's next call whichever of its keys it uses. */
    updateAccount(accountId: string, changes: { plan?: Plan; subscriptionStatus?: SubscriptionStatus }): void {
      updateAccount.run({ id: accountId, plan: changes.plan ?? null, status: changes.subscriptionStatus ?? null });
      keys.deleteWhere((found) => found.kind === 'ok' && found.account.id === accountId);
    },

    findByToken(token: string): TokenLookup {
      const row = byTokenHash.get(sha256(token));
      if (!row) return { kind: 'unknown' };
      if (row.expires_at <= clock.now()) return { kind: 'expired' };
      return { kind: 'ok', account: toAccount(row) };
    },

    issueToken(accountId: string): { token: string; expiresAt: number } {
      const token = `tok_${randomToken(40)}`;
      const expiresAt = clock.now() + TOKEN_TTL_MS;
      insertToken.run(sha256(token), accountId, expiresAt);
      return { token, expiresAt };
    },

    /** A fresh account with a random key, shown to the caller once. */
    createWithRandomKey(plan: Plan, balance: number): string {
      const key = `sk_test_${randomToken(32)}`;
      create({ key, name: `Sandbox ${plan}`, plan, balance, subscription: 'active', revoked: false });
      return key;
    },

    /** After the sandbox's reset: no key may still find an account that is gone. */
    forgetCachedKeys(): void {
      keys.deleteWhere(() => true);
    },

    /** Demo accounts exist only in a new data dir: an existing one keeps its history. */
    seedDemoAccountsIfEmpty(): void {
      if (accountCount.get()!.n > 0) return;
      for (const demo of DEMO_ACCOUNTS) create({ ...demo });
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    accounts: AccountsRepository;
  }
}

/** Demo accounts are seeded here: the repositories exist only in sandbox mode, never in front of a real API. */
export default fp(
  async (app) => {
    app.decorate('accounts', createAccountsRepository(app.db, app.clock));
    app.accounts.seedDemoAccountsIfEmpty();
  },
  { name: 'accounts-repository', dependencies: ['database', 'clock'] },
);
