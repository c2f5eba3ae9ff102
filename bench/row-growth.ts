import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app';
import { testConfig } from '../server/config';
import { SEEDED, seedScrapes } from './seed-rows';
import { p95 } from './stats';

/** The calls whose cost must not grow with an account's history, each as the dashboard or a client makes it. */
export const ROW_CALLS = {
  'a scrape’s hold': null,
  'GET /usage': '/usage',
  'GET /usage/daily': '/usage/daily',
  'GET /requests?code=<no match>': `/requests?code=${SEEDED.absentCode}`,
  'GET /requests?status=': `/requests?status=${SEEDED.failedStatus}`,
  'GET /requests?domain=': `/requests?domain=${SEEDED.domain}`,
  'GET /requests?session=': `/requests?session=${SEEDED.session}`,
  'GET /requests?origin=': '/requests?origin=dashboard',
} as const;
export type RowCall = keyof typeof ROW_CALLS;

/**
 * Rate limits are per account, and a bench calls faster than any plan allows: after this many calls the sandbox's
 * clock moves on a minute (the rate windows start again), which no timed call sees.
 */
const CALLS_PER_WINDOW = 40;
const WINDOW_SECONDS = 61;

async function timedCall(api: string, route: string, key: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${api}${route}`, { headers: { 'X-API-Key': key } });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${route} answered ${response.status}`);
  return elapsed;
}

interface SeededSandbox {
  /** One timed call, in ms. */
  sample: (call: RowCall) => Promise<number>;
  close: () => Promise<void>;
}

/** A sandbox whose one account has `rows` scrapes (ledger and request log). */
async function seededSandbox(rows: number): Promise<SeededSandbox> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-rows-'));
  const app = await buildApp(testConfig({ dataDir }), {
    demoWebUrl: 'http://127.0.0.1:9',
    distDir: path.join(dataDir, 'none'),
  });
  const close = async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const api = `${await app.listen({ host: '127.0.0.1', port: 0 })}/api/v1`;
    const key = app.accounts.createWithRandomKey('high_volume', 10_000_000);
    const found = app.accounts.findByKey(key);
    if (found.kind !== 'ok') throw new Error('the bench account was not created');
    const accountId = found.account.id;
    seedScrapes(app, accountId, rows);
    let httpCalls = 0;
    let holds = 0;
    const sample = async (call: RowCall): Promise<number> => {
      const route = ROW_CALLS[call];
      if (route !== null) {
        if (++httpCalls % CALLS_PER_WINDOW === 0) app.clock.advance(WINDOW_SECONDS);
        return timedCall(api, route, key);
      }
      const requestId = `req_bench_hold_${holds++}`;
      const started = performance.now();
      const held = app.ledger.hold(accountId, requestId, 20);
      const elapsed = performance.now() - started;
      app.ledger.releaseHold(requestId);
      if (!held.ok) throw new Error('the bench account could not hold 20 credits');
      return elapsed;
    };
    return { sample, close };
  } catch (error) {
    await close();
    throw error;
  }
}

type PerRound = Record<RowCall, number[]>;
const CALLS = Object.keys(ROW_CALLS) as RowCall[];
const perCall = (): PerRound => Object.fromEntries(CALLS.map((call) => [call, [] as number[]])) as PerRound;

/**
 * Two sandboxes, seeded with `small` and `large` rows, measured in turn round after round (so both see the same
 * machine and the same warmed-up code): each call's p95 over `samples` calls a round, per round, in ms.
 */
export async function measureRowGrowth(small: number, large: number, rounds: number, samples: number) {
  const sandboxes = [await seededSandbox(small)];
  try {
    sandboxes.push(await seededSandbox(large));
    for (const sandbox of sandboxes) for (const call of CALLS) for (let i = 0; i < 20; i++) await sandbox.sample(call);
    const results = sandboxes.map(perCall);
    for (let round = 0; round < rounds; round++) {
      for (const [index, sandbox] of sandboxes.entries()) {
        const times = perCall();
        for (let i = 0; i < samples; i++) for (const call of CALLS) times[call].push(await sandbox.sample(call));
        for (const call of CALLS) results[index]![call].push(p95(times[call]));
      }
    }
    return { small: results[0]!, large: results[1]! };
  } finally {
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  }
}
