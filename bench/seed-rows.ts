import type { FastifyInstance } from 'fastify';

/** What the seeded history holds, so the bench can ask for each filter with and without a match. */
export const SEEDED = {
  domains: 20,
  domain: 'site-7.bench.example',
  session: 'sess_bench_seeded',
  failedStatus: 504,
  failedCode: 'TIMEOUT',
  /** A code the log never holds: the filter's index range is empty. */
  absentCode: 'PAYWALL_DETECTED',
  days: 60,
} as const;

/**
 * `rows` scrapes of one account spread over the last 60 days, each written as the sandbox writes one: its
 * settlement, its ledger charge (and a refund for the failed tenth), and its request row, through the tables'
 * own triggers (account totals, day and quarter-hour roll-ups, the log's outcome code) in one transaction.
 * The request row goes through the request-log repository's own statement, so its columns follow the schema.
 */
export function seedScrapes(app: FastifyInstance, accountId: string, rows: number): void {
  const db = app.db;
  const insertSettlement = db.prepare(
    `INSERT INTO settlements (request_id, account_id, code, tier, credits_charged, credits_refunded, cached)
     VALUES (?, ?, ?, ?, ?, ?, 0)`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO ledger (account_id, at, kind, credits, request_id, code, url) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // Room for the indexes written in one transaction: without it SQLite spills pages and seeding takes twice as long.
  db.pragma('cache_size = -262144');
  const now = app.clock.now();
  const step = (SEEDED.days * 86_400_000) / rows;
  db.transaction(() => {
    for (let index = 0; index < rows; index++) {
      const requestId = `req_bench_${index.toString(36).padStart(6, '0')}`;
      const at = Math.round(now - (rows - index) * step);
      const failed = index % 10 === 0;
      const code = failed ? SEEDED.failedCode : null;
      const url = `https://site-${index % SEEDED.domains}.bench.example/page/${index}`;
      insertSettlement.run(requestId, accountId, code, '1', 1, failed ? 1 : 0);
      insertEntry.run(accountId, at, 'charge', -1, requestId, code, url);
      if (failed) insertEntry.run(accountId, at, 'refund', 1, requestId, code, url);
      app.requestLog.record({
        requestId,
        accountId,
        method: 'POST',
        path: '/api/v1/scrape',
        status: failed ? SEEDED.failedStatus : 200,
        code,
        durationMs: 12.5,
        at,
        url,
        sessionId: index % 20 === 0 ? SEEDED.session : null,
        origin: index % 4 === 0 ? 'dashboard' : 'user',
      });
    }
  })();
}
