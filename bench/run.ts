// `npm run bench`: issue 11's figures, each against a baseline measured in the same run, written to
// bench/report.md and bench/report.json. Options: --rows=N (the large seed, default 1,000,000), --runs=N (default 3),
// --lighthouse-runs=N (default 3), --no-lighthouse, --only=TEXT (only the sections whose name holds TEXT; the report
// prints their figures and writes no report).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNTS } from '../server/db/demo-accounts';
import { buildWithProjectConfig, firstLoadJs } from './bundle-size';
import { startChild } from './child-process';
import { type Figure, figure, FLAT_GROWTH } from './figures';
import { bareFastifyIdleMiB, sandboxIdleMiB } from './idle-memory';
import { lighthouseScores } from './lighthouse';
import { type Report, writeReport } from './report';
import { rateLimitIngest } from './rate-limit-ingest';
import { measureRowGrowth, ROW_CALLS, type RowCall } from './row-growth';
import { scrapeLatency, type ScrapeLatency } from './scrape-latency';
import { usageRenderTimes } from './usage-render';
import { machine, median } from './stats';
import { load, type Load } from './usage-throughput';

const option = (name: string, fallback: number) => {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return given ? Number(given.split('=')[1]) : fallback;
};
const RUNS = option('runs', 3);
const LIGHTHOUSE_RUNS = option('lighthouse-runs', 3);
const ROWS = option('rows', 1_000_000);
const SMALL_ROWS = 1_000;
const LIGHTHOUSE = !process.argv.includes('--no-lighthouse');
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const PAGES = ['/', '/scrape', '/errors'];
const LOAD_SECONDS = 5;
// Each high-volume key may make 500 calls a minute: enough keys that a bare route's rate would never meet a 429.
const THROUGHPUT_KEYS = 3_000;

const figures: Figure[] = [];
const skipped: Report['skipped'] = [];
let failedSections = 0;
const work = mkdtempSync(path.join(tmpdir(), 'bench-'));
const distDir = path.join(work, 'dist');
const log = (line: string) => console.log(`… ${line}`);

async function section(name: string, run: () => Promise<void>) {
  if (ONLY && !name.includes(ONLY)) return;
  log(name);
  try {
    await run();
  } catch (error) {
    failedSections++;
    skipped.push({ name, reason: error instanceof Error ? error.message : String(error) });
    console.log(`skip  ${name}: ${skipped.at(-1)!.reason}`);
  }
}

/** A library that must stay out of the first load: 1 when it is in. */
const notInFirstLoad = (library: string, present: boolean, detail: string) =>
  figure({
    name: `${library} in the first load of \`/\``,
    unit: '',
    value: present ? 1 : 0,
    runs: [present ? 1 : 0],
    goals: [{ on: 'value', op: '<=', limit: 0 }],
    detail,
  });

// Every section that serves the dashboard needs this run's build, whichever of them run; the bare baseline is the
// first-load and Lighthouse figures' baseline.
await buildWithProjectConfig('.', distDir);
const baselineDir = path.join(work, 'baseline');
await buildWithProjectConfig('bench/baseline', baselineDir);

await section('first-load JavaScript', async () => {
  const app = firstLoadJs(distDir);
  const bare = firstLoadJs(baselineDir);
  figures.push(
    figure({
      name: 'first-load JS of `/`, gzip',
      unit: 'kB',
      value: app.totalGzipBytes / 1024,
      runs: [app.totalGzipBytes / 1024],
      baseline: { name: 'React + ReactDOM + TanStack Router + Query, one route', value: bare.totalGzipBytes / 1024 },
      goals: [{ on: 'ratio', op: '<=', limit: 1.25 }],
      detail: app.files.map((file) => `${file.file} ${(file.gzipBytes / 1024).toFixed(1)} kB`).join(', '),
    }),
    figure({
      name: 'scripts in the first load of `/`',
      unit: '',
      value: app.files.length,
      runs: [app.files.length],
      baseline: { name: 'the bare stack, one route', value: bare.files.length },
      // A phone opens 6 connections to a host: with the HTML and the stylesheet, 4 scripts load at once.
      goals: [{ on: 'value', op: '<=', limit: 4 }],
      detail: 'what the entry imports is one chunk with it (vite.config.ts)',
    }),
    notInFirstLoad('recharts', app.hasRecharts, 'the charts of /usage load with that page only'),
    notInFirstLoad(
      'zod',
      app.hasZod,
      'schemas load with the pages and calls that need them (src/lib/route-search.ts, SchemaSource)',
    ),
  );
});

await section('rate-limit store ingest', async () => {
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await rateLimitIngest(100_000));
  const last = runs.at(-1)!;
  figures.push(
    figure({
      name: 'rate-limit store: ingest of one header sample (100,000 samples)',
      unit: 'µs',
      value: median(runs.map((run) => run.microsPerSample)),
      runs: runs.map((run) => run.microsPerSample),
      goals: [{ on: 'value', op: '<=', limit: 50 }],
      detail: `${last.kept.toLocaleString('en')} samples kept (the ring's bound)`,
    }),
    figure({
      name: 'rate-limit store: heap growth over 100,000 samples',
      unit: 'MiB',
      value: median(runs.map((run) => run.heapGrowthMiB)),
      runs: runs.map((run) => run.heapGrowthMiB),
      goals: [{ on: 'value', op: '<=', limit: 16 }],
    }),
  );
});

await section('idle memory', async () => {
  const first: number[] = [];
  const later: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const sandbox = await sandboxIdleMiB();
    first.push(sandbox.firstStart);
    later.push(sandbox.laterStart);
    bare.push(await bareFastifyIdleMiB());
  }
  const baseline = { name: 'bare Fastify 5, one route, same loader', value: median(bare) };
  const how =
    'server/main.ts under `node --import tsx`, 3 s after it listens: the node process (tsx’s esbuild helper is another)';
  figures.push(
    figure({
      name: 'sandbox RSS idle, first start (new data dir: demo history seeded)',
      unit: 'MiB',
      value: median(first),
      runs: first,
      baseline,
      goals: [{ on: 'value', op: '<=', limit: 150 }],
      detail: how,
    }),
    figure({
      name: 'sandbox RSS idle, later start (existing data dir)',
      unit: 'MiB',
      value: median(later),
      runs: later,
      baseline,
      goals: [{ on: 'value', op: '<=', limit: 150 }],
      detail: how,
    }),
  );
});

await section('GET /usage throughput and scrape latency', async () => {
  const dataDir = path.join(work, 'load-data');
  const sandbox = await startChild<{ url: string; demoWebUrl: string; keys: string[] }>('bench/sandbox-process.ts', {
    args: [dataDir, distDir, String(THROUGHPUT_KEYS)],
  });
  const bare = await startChild<{ url: string }>('bench/bare-fastify.ts');
  const logged = await startChild<{ url: string; keys: string[] }>('bench/bare-logged-route.ts', {
    args: [mkdtempSync(path.join(work, 'bare-logged-')), String(THROUGHPUT_KEYS)],
  });
  const spine = await startChild<{ url: string; keys: string[] }>('bench/bare-route-with-request-log.ts', {
    args: [mkdtempSync(path.join(work, 'bare-spine-')), String(THROUGHPUT_KEYS)],
  });
  try {
    const { url, demoWebUrl, keys } = sandbox.ready;
    const usageUrl = `${url}/api/v1/usage`;
    const loggedUrl = `${logged.ready.url}/usage`;
    const spineUrl = `${spine.ready.url}/usage`;
    await load(usageUrl, keys, 1);
    await load(`${bare.ready.url}/usage`, [], 1);
    await load(loggedUrl, logged.ready.keys, 1);
    await load(spineUrl, spine.ready.keys, 1);
    const ours: Load[] = [];
    const theirs: Load[] = [];
    const bareLogged: Load[] = [];
    const bareSpine: Load[] = [];
    for (let run = 0; run < RUNS; run++) {
      theirs.push(await load(`${bare.ready.url}/usage`, [], LOAD_SECONDS));
      bareLogged.push(await load(loggedUrl, logged.ready.keys, LOAD_SECONDS));
      bareSpine.push(await load(spineUrl, spine.ready.keys, LOAD_SECONDS));
      ours.push(await load(usageUrl, keys, LOAD_SECONDS));
    }
    const refused = ours.reduce((sum, run) => sum + run.non2xx + run.errors, 0);
    const perSecond = (runs: Load[]) => median(runs.map((run) => run.requestsPerSecond));
    const [oursPerSecond, barePerSecond, loggedPerSecond, spinePerSecond] = [
      perSecond(ours),
      perSecond(theirs),
      perSecond(bareLogged),
      perSecond(bareSpine),
    ];
    const ofBare = (perSecondOf: number) => `${(perSecondOf / barePerSecond).toFixed(2)}× the bare route`;
    figures.push(
      figure({
        name: '`GET /usage` throughput (10 connections)',
        unit: 'req/s',
        value: oursPerSecond,
        runs: ours.map((run) => run.requestsPerSecond),
        baseline: { name: 'bare Fastify 5 route', value: barePerSecond },
        goals: [{ on: 'ratio', op: '>=', limit: 0.4 }],
        detail:
          `p50 ${median(ours.map((run) => run.p50Ms))} ms, p99 ${median(ours.map((run) => run.p99Ms))} ms; ` +
          `${refused} answers not 2xx; the bare route that also looks its key up and commits a row per call ` +
          `(bench/bare-logged-route.ts): ${Math.round(loggedPerSecond)} req/s, ${ofBare(loggedPerSecond)}; ` +
          `the bare route with the sandbox's own key lookup and request log (bench/bare-route-with-request-log.ts): ` +
          `${Math.round(spinePerSecond)} req/s, ${ofBare(spinePerSecond)}, the sandbox ${(oursPerSecond / spinePerSecond).toFixed(2)}× of it`,
      }),
    );

    const api = `${url}/api/v1`;
    await scrapeLatency(api, demoWebUrl, keys, 20); // warm-up
    // Like every other figure, the median of RUNS runs: one run of 200 pairs moved by about 0.3 ms from run to run.
    const articles: ScrapeLatency[] = [];
    const slows: ScrapeLatency[] = [];
    for (let run = 0; run < RUNS; run++) {
      articles.push(await scrapeLatency(api, demoWebUrl, keys, 200));
      slows.push(await scrapeLatency(api, demoWebUrl, keys, 60, '/slow?ms=20'));
    }
    const added = articles.map((run) => run.addedMs);
    const [scrapeMs, directMs] = [
      median(articles.map((run) => run.scrapeMs)),
      median(articles.map((run) => run.directMs)),
    ];
    figures.push(
      figure({
        name: 'tier-1 scrape of `/article`, time added',
        unit: 'ms',
        value: median(added),
        runs: added,
        baseline: { name: 'direct fetch of the page', value: directMs },
        goals: [{ on: 'value', op: '<=', limit: 2 }],
        detail:
          `each run the median of 200 interleaved pairs (added: ${added.map((ms) => ms.toFixed(2)).join(', ')} ms); ` +
          `medians over the runs: scrape ${scrapeMs.toFixed(2)} ms, direct ${directMs.toFixed(2)} ms`,
      }),
    );
    figures.push(
      figure({
        name: 'tier-1 scrape of a 20 ms page',
        unit: 'ms',
        value: median(slows.map((run) => run.scrapeMs)),
        runs: slows.map((run) => run.scrapeMs),
        baseline: { name: 'direct fetch of the page', value: median(slows.map((run) => run.directMs)) },
        goals: [{ on: 'ratio', op: '<=', limit: 1.5 }],
        detail: 'each run the median of 60 interleaved pairs',
      }),
    );
  } finally {
    await Promise.all([sandbox.stop(), bare.stop(), logged.stop(), spine.stop()]);
  }
});

if (LIGHTHOUSE) {
  await section('Lighthouse', async () => {
    // Without this run's build the sandbox would serve no dashboard, and Lighthouse would score an error page.
    if (!existsSync(path.join(distDir, 'index.html'))) throw new Error('the dashboard did not build (see above)');
    const sandbox = await startChild<{ url: string }>('bench/sandbox-process.ts', {
      args: [path.join(work, 'lighthouse-data'), distDir],
    });
    // The bare stack served the same way: what this machine's Chromium scores for React + router + query alone.
    const bareSandbox = await startChild<{ url: string }>('bench/sandbox-process.ts', {
      args: [path.join(work, 'lighthouse-bare-data'), baselineDir],
    });
    try {
      const key = DEMO_ACCOUNTS.find((demo) => demo.plan === 'growth')!.key;
      const [bare] = await lighthouseScores(bareSandbox.ready.url, ['/'], null, LIGHTHOUSE_RUNS);
      const baseline = { name: 'bare React stack, one route', value: bare!.performance };
      for (const score of await lighthouseScores(sandbox.ready.url, PAGES, key, LIGHTHOUSE_RUNS)) {
        const name = `\`${score.page}\` ${score.connected ? 'connected' : 'not connected'}`;
        figures.push(
          figure({
            name: `Lighthouse mobile performance, ${name}`,
            unit: '',
            value: score.performance,
            runs: score.runs.map((run) => run.performance),
            baseline,
            goals: [{ on: 'value', op: '>=', limit: 0.95 }],
            detail:
              `blocking time ${Math.round(score.blockingMs)} ms (the bare stack ${Math.round(bare!.blockingMs)}); ` +
              `the host's benchmarkIndex ${Math.round(score.benchmarkIndex)}`,
          }),
          figure({
            name: `CLS on mobile, ${name}`,
            unit: '',
            value: score.cls,
            runs: score.runs.map((run) => run.cls),
            goals: [{ on: 'value', op: '<=', limit: 0 }],
          }),
        );
      }
    } finally {
      await Promise.all([sandbox.stop(), bareSandbox.stop()]);
    }
  });
} else {
  skipped.push({ name: 'Lighthouse', reason: '--no-lighthouse (see the README, "Performance", to run it)' });
}

await section('/usage with 30 days of history', async () => {
  if (!existsSync(path.join(distDir, 'index.html'))) throw new Error('the dashboard did not build (see above)');
  const sandbox = await startChild<{ url: string }>('bench/sandbox-process.ts', {
    args: [path.join(work, 'history-data'), distDir, '0', 'demo-history'],
  });
  try {
    const key = DEMO_ACCOUNTS.find((demo) => demo.plan === 'growth')!.key;
    await usageRenderTimes(sandbox.ready.url, key, 1); // warm-up: the server's first reads
    const times = await usageRenderTimes(sandbox.ready.url, key, Math.max(RUNS, 5));
    figures.push(
      figure({
        name: 'time to show `/usage` with 30 days of history (charts and tables)',
        unit: 'ms',
        value: median(times.usage),
        runs: times.usage,
        baseline: { name: '`/errors` in the same app, no data to wait for', value: median(times.errors) },
        goals: [{ on: 'value', op: '<=', limit: 1_500 }],
      }),
    );
  } finally {
    await sandbox.stop();
  }
});

await section(`row growth (${SMALL_ROWS.toLocaleString('en')} and ${ROWS.toLocaleString('en')} rows)`, async () => {
  const { small, large } = await measureRowGrowth(SMALL_ROWS, ROWS, RUNS, 100);
  const goals: Record<RowCall, number> = {
    'a scrape’s hold': 2,
    'GET /usage': 10,
    'GET /usage/daily': 20,
    'GET /requests?code=<no match>': 20,
    'GET /requests?status=': 20,
    'GET /requests?domain=': 20,
    'GET /requests?session=': 20,
    'GET /requests?origin=': 20,
  };
  for (const call of Object.keys(ROW_CALLS) as RowCall[]) {
    const value = median(large[call]);
    const from = median(small[call]);
    const flat = call === 'a scrape’s hold' || call === 'GET /usage';
    figures.push(
      figure({
        name: `${call} p95 at ${ROWS.toLocaleString('en')} rows`,
        unit: 'ms',
        value,
        runs: large[call],
        growth: { fromRows: SMALL_ROWS, toRows: ROWS, from, ratio: value / from },
        goals: [
          { on: 'value', op: '<=', limit: goals[call] },
          ...(flat ? [{ on: 'growth' as const, op: '<=' as const, limit: FLAT_GROWTH }] : []),
        ],
      }),
    );
  }
});

rmSync(work, { recursive: true, force: true });

const report: Report = {
  machine: machine(),
  method: [
    `Each figure is the median of ${RUNS} runs (Lighthouse: ${LIGHTHOUSE_RUNS}), its baseline measured in the same run, run after run in turn.`,
    'First-load JS: the module script and modulepreloads of the built index.html, gzipped; the baseline is bench/baseline/ built with the same vite.config.ts.',
    `Throughput: autocannon, 10 connections, ${LOAD_SECONDS} s a run, against the sandbox in a process of its own (${THROUGHPUT_KEYS.toLocaleString('en')} high-volume keys in turn: 50 calls a second and 500 a minute each, so rate limits never answer) and a bare Fastify 5 route in another; only 2xx answers count. For scale, two more processes with the same keys in turn: the bare route plus a key looked up in SQLite and one row (one index) committed per call (bench/bare-logged-route.ts), and the bare route plus the sandbox's own plugins for the key lookup and the request log, its schema and indexes (bench/bare-route-with-request-log.ts).`,
    `Rows: one account seeded with ${SMALL_ROWS.toLocaleString('en')}, then ${ROWS.toLocaleString('en')} scrapes over 60 days (settlement, ledger charge, a refund for every tenth, request row, through the schema's triggers); each call's p95 over 100 calls a round; the hold is the ledger's hold transaction, timed in process.`,
    'Lighthouse 12 (its default mobile run: emulated phone, simulated throttling) on the system Chromium, a fresh profile a run; connected = the demo growth key stored in localStorage as "remember on this device" stores it.',
  ],
  figures,
  skipped,
};
// A partial run prints its figures and leaves the report of the last whole run as it is.
if (!ONLY) await writeReport(report, 'bench/report.md', 'bench/report.json');
for (const result of figures) {
  const goal = result.goals.map((g) => `${g.on} ${g.op} ${g.limit}`).join(', ');
  const ratio = result.ratio === undefined ? '' : ` (${result.ratio.toFixed(2)}× baseline)`;
  const growth = result.growth ? ` (${result.growth.ratio.toFixed(2)}× at 1k)` : '';
  console.log(
    `${result.ok ? 'ok  ' : 'OVER'}  ${result.name}: ${result.value.toFixed(2)} ${result.unit}${ratio}${growth}  [${goal}]`,
  );
}
for (const skip of skipped) console.log(`skip  ${skip.name}: ${skip.reason}`);
if (!ONLY) console.log('\nWritten: bench/report.md, bench/report.json');
// A section that could not run counts as over: its figures are unknown.
process.exit(figures.some((result) => !result.ok) || failedSections > 0 ? 1 : 0);
