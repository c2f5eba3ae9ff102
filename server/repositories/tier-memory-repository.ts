import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { Tier } from '../../contract/pricing';
import type { Clock } from '../clock';

/**
 * The tier that last worked for a page, per account, so that account's next estimate expects it. Per account
 * because an estimate is a price: another account's runs must not change what this one is quoted.
 */
export function createTierMemoryRepository(db: Database.Database, clock: Clock) {
  const get = db.prepare<[string, string], { tier: Tier }>(
    `SELECT tier FROM tier_memory WHERE account_id = ? AND target = ?`,
  );
  const put = db.prepare(
    `INSERT OR REPLACE INTO tier_memory (account_id, target, tier, updated_at) VALUES (?, ?, ?, ?)`,
  );
  return {
    get: (accountId: string, target: string): Tier | null => get.get(accountId, target)?.tier ?? null,
    remember: (accountId: string, target: string, tier: Tier) => void put.run(accountId, target, tier, clock.now()),
  };
}

export type TierMemoryRepository = ReturnType<typeof createTierMemoryRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    tierMemory: TierMemoryRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('tierMemory', createTierMemoryRepository(app.db, app.clock));
  },
  { name: 'tier-memory-repository', dependencies: ['database', 'clock'] },
);
