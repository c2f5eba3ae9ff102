import type Database from 'better-sqlite3';
import type { ScrapeResult } from '../../contract/scrape';
import type { Clock } from '../clock';

/** Cached scrape results per account; a hit within its TTL is served free. */
export function createScrapeCacheRepository(db: Database.Database, clock: Clock) {
  const get = db.prepare<[string, string, number], { result_json: string }>(
    `SELECT result_json FROM scrape_cache WHERE cache_key = ? AND account_id = ? AND expires_at > ?`,
  );
  const put = db.prepare(
    `INSERT OR REPLACE INTO scrape_cache (cache_key, account_id, result_json, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
  );
  return {
    get(accountId: string, key: string): ScrapeResult | null {
      const row = get.get(key, accountId, clock.now());
      return row ? (JSON.parse(row.result_json) as ScrapeResult) : null;
    },
    put(accountId: string, key: string, result: ScrapeResult, ttlSeconds: number) {
      const now = clock.now();
      put.run(key, accountId, JSON.stringify(result), now, now + ttlSeconds * 1000);
    },
  };
}

export type ScrapeCacheRepository = ReturnType<typeof createScrapeCacheRepository>;
