import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDemoWeb } from '../../server/demo-web/app';
import { sha256 } from '../../server/lib/secrets';
import { rollupsByScan, rollupsStored } from '../server/repositories/usage-scan';
import { startReceiver } from '../server/webhooks/receiver';

// Many concurrent scrapes with known outcomes, sync and async, across several accounts with webhooks; the real
// server process is SIGKILLed mid-load and started again on the same data dir, round after round. At the end the
// books must balance to the credit. HARDENING_ROUNDS sets the rounds (3 in `npm test`).
const ROUNDS = inject('hardeningRounds');
const WORKERS = 12;
const ACCOUNTS = 3;

const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-hardening-ledger-'));
const children: ChildProcess[] = [];
// The targets and the receiver outlive every server process, so queued jobs and deliveries can finish after a kill.
const target = await buildDemoWeb();
const targetUrl = await target.listen({ host: '127.0.0.1', port: 0 });
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  // About a third of first attempts fail, so deliveries are retried, some across a kill.
  receiver = await startReceiver((index) => ({ status: index % 3 === 1 ? 500 : 200 }));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await target.close();
  await receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The real sandbox as its own process on `dataDir`, once it has printed its URLs. */
async function startSandbox(): Promise<{ child: ChildProcess; api: string }> {
  // Node itself runs the server (tsx as a loader): tsx's CLI would run it in a child that SIGKILL never reaches.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--no-demo-history'], {
    env: {
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ALLOW_PRIVATE_TARGETS: '1',
      WEBHOOK_ALLOWED_ORIGINS: receiver.origin,
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_TIMEOUT_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const api = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in time: ${output}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /API\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(output)?.[1];
      if (url && output.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
  return { child, api };
}

/** Scrapes whose outcome the demo web decides: successes, refunded failures, refusals before any charge. */
const SCRAPES: Record<string, unknown>[] = [
  { url: `${targetUrl}/article` },
  { url: `${targetUrl}/article`, cache: true, cache_ttl: 600 },
  { url: `${targetUrl}/headers-check` },
  { url: `${targetUrl}/premium` },
  { url: `${targetUrl}/garbled` },
  { url: `${targetUrl}/members` },
  { url: `${targetUrl}/slow?ms=150` },
  { url: `${targetUrl}/slow?ms=3000`, timeout: 1 },
  { url: `${targetUrl}/huge` },
  { url: `${targetUrl}/js-rendered`, max_credits: 1 },
  { url: `${targetUrl}/antibot`, max_tier: '2' },
];

interface Received {
  requestId: string;
  status: number;
  body: { job_id?: string; billing?: { total_credits?: number; refunded?: boolean } };
}

describe('the ledger under faults', () => {
  it(
    `balances to the credit after ${ROUNDS} rounds of load, each ended by SIGKILL`,
    { timeout: 60_000 + ROUNDS * 30_000 },
    async () => {
      const started = Date.now();
      let server = await startSandbox();
      const keys: string[] = [];
      for (let index = 0; index < ACCOUNTS; index++) {
        const response = await fetch(`${server.api}/sandbox/keys`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ plan: 'high_volume', balance_credits: 5000 }),
        });
        const key = ((await response.json()) as { api_key: string }).api_key;
        keys.push(key);
        const hook = await fetch(`${server.api}/user-webhooks`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-API-Key': key },
          body: JSON.stringify({ url: `${receiver.url}?account=${index}`, events: ['job.completed', 'job.failed'] }),
        });
        expect(hook.status).toBe(201);
      }

      const received: Received[] = [];
      let sent = 0;
      let cutOff = 0;
      for (let round = 0; round < ROUNDS; round++) {
        if (round > 0) server = await startSandbox();
        let killed = false;
        const worker = async (index: number) => {
          for (let call = 0; !killed; call++) {
            const body = {
              ...SCRAPES[(index * 7 + call * 5 + round) % SCRAPES.length],
              sync: (index + call) % 3 !== 0,
            };
            sent++;
            try {
              const response = await fetch(`${server.api}/scrape`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'X-API-Key': keys[(index + call) % ACCOUNTS]! },
                body: JSON.stringify(body),
              });
              const requestId = response.headers.get('x-request-id')!;
              const parsed = (await response.json()) as Received['body'];
              received.push({ requestId, status: response.status, body: parsed });
            } catch {
              cutOff++;
              return;
            }
          }
        };
        const workers = Array.from({ length: WORKERS }, (_, index) => worker(index));
        // Killed at a different depth each round, while every worker has a call in flight.
        const killAt = received.length + 60 + round * 25;
        await new Promise<void>((resolve) => {
          const check = setInterval(() => {
            if (received.length < killAt) return;
            clearInterval(check);
            resolve();
          }, 5);
        });
        const exited = new Promise((resolve) => server.child.once('exit', resolve));
        server.child.kill('SIGKILL');
        killed = true;
        await exited;
        await Promise.all(workers);
      }
      expect(cutOff).toBeGreaterThan(0);

      // Started once more: queued jobs run and pending deliveries are sent, then everything must have finished.
      server = await startSandbox();
      const db = new Database(path.join(dataDir, 'sandbox.db'), { readonly: true, fileMustExist: true });
      const pending = () =>
        db
          .prepare(
            `SELECT (SELECT count(*) FROM jobs WHERE status IN ('queued', 'processing')) AS jobs,
                    (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending') AS deliveries,
                    (SELECT count(*) FROM holds) AS holds`,
          )
          .get() as { jobs: number; deliveries: number; holds: number };
      for (let wait = 0; wait < 300; wait++) {
        const left = pending();
        if (left.jobs + left.deliveries + left.holds === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(pending()).toEqual({ jobs: 0, deliveries: 0, holds: 0 });

      const accountIds: string[] = [];
      for (const key of keys) {
        const usage = (await (await fetch(`${server.api}/usage`, { headers: { 'X-API-Key': key } })).json()) as {
          balance_credits: number;
        };
        // The balance every answer carries is the ledger's sum.
        const ledgerSum = db
          .prepare(
            `SELECT coalesce(sum(credits), 0) AS sum FROM ledger
              WHERE account_id = (SELECT account_id FROM api_keys WHERE key_hash = ?)`,
          )
          .get(sha256(key)) as { sum: number };
        expect(usage.balance_credits).toBe(ledgerSum.sum);
      }
      for (const row of db.prepare(`SELECT DISTINCT account_id FROM ledger`).all() as { account_id: string }[]) {
        accountIds.push(row.account_id);
        // Every roll-up (totals, days, errors, domains) equals a scan of the ledger and the request log.
        expect(rollupsStored(db, row.account_id), row.account_id).toEqual(rollupsByScan(db, row.account_id));
      }

      // Nothing charged or refunded twice, a refund never exceeds its charge, and each settlement is the ledger's.
      const ledgerBySettlement = db
        .prepare(
          `SELECT s.request_id, s.credits_charged, s.credits_refunded,
                  coalesce(sum(CASE WHEN l.kind = 'charge' THEN -l.credits END), 0) AS charged,
                  coalesce(sum(CASE WHEN l.kind = 'refund' THEN l.credits END), 0) AS refunded,
                  count(CASE WHEN l.kind = 'charge' THEN 1 END) AS charges,
                  count(CASE WHEN l.kind = 'refund' THEN 1 END) AS refunds
             FROM settlements s LEFT JOIN ledger l ON l.request_id = s.request_id
            GROUP BY s.request_id`,
        )
        .all() as {
        request_id: string;
        credits_charged: number;
        credits_refunded: number;
        charged: number;
        refunded: number;
        charges: number;
        refunds: number;
      }[];
      const wrong = ledgerBySettlement.filter(
        (row) =>
          row.charged !== row.credits_charged ||
          row.refunded !== row.credits_refunded ||
          row.charges > 1 ||
          row.refunds > 1 ||
          row.refunded > row.charged,
      );
      expect(wrong).toEqual([]);
      const orphans = db
        .prepare(
          `SELECT request_id FROM ledger WHERE kind != 'deposit'
              AND request_id NOT IN (SELECT request_id FROM settlements)`,
        )
        .all();
      expect(orphans).toEqual([]);

      // Every scrape the log holds that was admitted to billing has its decision: refusals before any charge only
      // may have none (written out here, not read from the catalog).
      const REFUSED_BEFORE_CHARGE = [
        'RATE_LIMIT_EXCEEDED',
        'INVALID_REQUEST',
        'INSUFFICIENT_CREDITS',
        'EXCEEDS_COST_LIMIT',
      ];
      const undecided = db
        .prepare(
          `SELECT r.request_id, r.status, r.code FROM requests r
            WHERE r.url IS NOT NULL AND r.request_id NOT IN (SELECT request_id FROM settlements)
              AND coalesce(r.code, '') NOT IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(REFUSED_BEFORE_CHARGE));
      expect(undecided).toEqual([]);

      // Every answer a client received is in the request log, whichever process gave it.
      const logged = db.prepare(`SELECT 1 FROM requests WHERE request_id = ?`);
      expect(received.filter((answer) => logged.get(answer.requestId) === undefined)).toEqual([]);

      // What each client was told is what the books say.
      const settlementOf = db.prepare(
        `SELECT credits_charged, credits_refunded, cached FROM settlements WHERE request_id = ?`,
      );
      const jobOf = db.prepare(`SELECT status FROM jobs WHERE id = ?`);
      const disagreements: unknown[] = [];
      for (const answer of received) {
        const settled = settlementOf.get(answer.requestId) as
          { credits_charged: number; credits_refunded: number; cached: number } | undefined;
        if (answer.status === 200) {
          const told = answer.body.billing?.total_credits;
          if (!settled || settled.credits_charged - settled.credits_refunded !== told) disagreements.push(answer);
        } else if (answer.status === 202) {
          const job = jobOf.get(answer.body.job_id) as { status: string } | undefined;
          if (!job || !['succeeded', 'failed'].includes(job.status) || !settled) disagreements.push(answer);
        } else if (answer.body.billing?.refunded) {
          if (!settled || settled.credits_refunded !== settled.credits_charged) disagreements.push(answer);
        }
      }
      expect(disagreements).toEqual([]);

      // Every finished job told each of its account's webhooks, and no delivery is left to send.
      const untold = db
        .prepare(
          `SELECT j.id FROM jobs j JOIN webhooks w ON w.account_id = j.account_id
            WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.job_id = j.id AND d.webhook_id = w.id)`,
        )
        .all();
      expect(untold).toEqual([]);
      const deliveries = db
        .prepare(`SELECT status, count(*) AS n FROM webhook_deliveries GROUP BY status ORDER BY status`)
        .all() as { status: string; n: number }[];
      const jobs = (db.prepare(`SELECT count(*) AS n FROM jobs`).get() as { n: number }).n;
      const settlements = ledgerBySettlement.length;
      db.close();

      const stopped = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGINT');
      await stopped;
      console.log(
        `ledger under faults: ${ROUNDS} rounds, ${ROUNDS} SIGKILLs, ${sent} scrapes sent, ${received.length} answered, ` +
          `${cutOff} cut off, ${jobs} jobs, ${settlements} settlements, deliveries ${JSON.stringify(deliveries)}, ` +
          `${accountIds.length} accounts balanced in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    },
  );
});
