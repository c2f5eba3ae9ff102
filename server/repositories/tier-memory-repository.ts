import type Database from 'better-sqlite3';
import type { Tier } from '../../contract/pricing';
import type { Clock } from '../clock';

/** The tier that last worked for a page, so the next estimate expects it. */
export function createTierMemoryRepository(db: Database.Database, clock: Clock) {
  const get = db.prepare<[string], { tier: Tier }>(`SELECT tier FROM tier_memory WHERE target = ?`);
  const put = db.prepare(`INSERT OR REPLACE INTO tier_memory (target, tier, updated_at) VALUES (?, ?, ?)`);
  return {
    get: (target: string): Tier | null => get.get(target)?.tier ?? null,
    remember: (target: string, tier: Tier) => void put.run(target, tier, clock.now()),
  };
}

export type TierMemoryRepository = ReturnType<typeof createTierMemoryRepository>;
