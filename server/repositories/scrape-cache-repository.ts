import type Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import { scrapeResultSchema, type ScrapeResult } from '../../contract/scrape';
import type { Clock } from '../clock';

/** A cached answer, and its life in epoch ms. */
export interface CachedResult {
  result: ScrapeResult;
  storedAt: number;
  expiresAt: number;
}

/**
 * Cached scrape results per account (migration 4 keys them by account and request): a hit within its TTL is
 * served free, and another account's run of the same request neither replaces nor serves it.
 */
export function createScrapeCacheRepository(db: Database.Database, clock: Clock) {
  const get = db.prepare<[string, string, number], { result_json: string; created_at: number; expires_at: number }>(
    `SELECT result_json, created_at, expires_at FROM scrape_cache WHERE cache_key = ? AND account_id = ? AND expires_at > ?`,
  );
  const put = db.prepare(
    `INSERT OR REPLACE INTO scrape_cache (cache_key, account_id, result_json, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
  );
  return {
    /** The stored answer with when it was stored and until when it is served. */
    get(accountId: string, key: string): CachedResult | null {
      const row = get.get(key, accountId, clock.now());
      // An answer cached before the result had all of today's fields is a miss, scraped again, not a 500.
      const cached = row ? scrapeResultSchema.safeParse(JSON.parse(row.result_json)) : null;
      if (!row || !cached?.success) return null;
      return { result: cached.data, storedAt: row.created_at, expiresAt: row.expires_at };
    },
    put(accountId: string, key: string, result: ScrapeResult, ttlSeconds: number) {
      const now = clock.now();
      put.run(key, accountId, JSON.stringify(result), now, now + ttlSeconds * 1000);
    },
  };
}

export type ScrapeCacheRepository = ReturnType<typeof createScrapeCacheRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    scrapeCache: ScrapeCacheRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('scrapeCache', createScrapeCacheRepository(app.db, app.clock));
  },
  { name: 'scrape-cache-repository', dependencies: ['database', 'clock'] },
);
