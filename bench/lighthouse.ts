import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/find-chromium.mjs';
import { median } from './stats';

/** Where src/api/credentials-store.ts keeps a remembered key ("remember on this device"). */
const KEY_SLOT = 'scrape-dashboard.api-key';

interface Run {
  performance: number;
  cls: number;
  /** Total blocking time in the phone model, ms: what most moves the score here. */
  blockingMs: number;
  /**
   * Lighthouse's own measure of the host's CPU: the phone model slows the CPU a fixed 4×, so the same page scores
   * higher on a faster host. Reported beside the scores so that runs on different machines can be told apart.
   */
  benchmarkIndex: number;
}

export interface PageScore extends Run {
  page: string;
  connected: boolean;
  runs: Run[];
}

/**
 * Lighthouse's default mobile run (emulated phone, simulated slow 4G and CPU) of one page, in a fresh Chromium
 * each time: an empty profile, so nothing is cached. Connected, a key is stored first the way the dashboard
 * stores a remembered one, from a URL of the same origin that does not load the app.
 */
async function runOnce(origin: string, page: string, key: string | null) {
  const chromePath = findChromium();
  if (!chromePath) throw new Error('no Chromium (set CHROMIUM_PATH or install chromium)');
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    if (key) {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      const tab = await browser.contexts()[0]!.newPage();
      await tab.goto(`${origin}/api/v1/sandbox/info`);
      await tab.evaluate(([slot, value]) => localStorage.setItem(slot!, value!), [KEY_SLOT, key]);
      await tab.close();
      await browser.close();
    }
    const result = await lighthouse(`${origin}${page}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      // The stored key would be wiped with the rest of the origin's storage; the profile is fresh anyway.
      disableStorageReset: true,
    });
    const lhr = result?.lhr;
    const performance = lhr?.categories['performance']?.score;
    const cls = lhr?.audits['cumulative-layout-shift']?.numericValue;
    const blockingMs = lhr?.audits['total-blocking-time']?.numericValue;
    const benchmarkIndex = lhr?.environment.benchmarkIndex;
    if (typeof performance !== 'number' || typeof cls !== 'number' || typeof blockingMs !== 'number') {
      throw new Error(`Lighthouse gave no score for ${page}: ${lhr?.runtimeError?.message ?? 'unknown error'}`);
    }
    return { performance, cls, blockingMs, benchmarkIndex: benchmarkIndex ?? Number.NaN } satisfies Run;
  } finally {
    chrome.kill();
  }
}

/** Each page, connected and not (only not without a key), `runs` times (interleaved), the median of each. */
export async function lighthouseScores(
  origin: string,
  pages: string[],
  key: string | null,
  runs: number,
): Promise<PageScore[]> {
  const cases = pages.flatMap((page) => (key ? [false, true] : [false]).map((connected) => ({ page, connected })));
  const samples = cases.map(() => [] as Run[]);
  for (let round = 0; round < runs; round++) {
    for (const [index, { page, connected }] of cases.entries()) {
      samples[index]!.push(await runOnce(origin, page, connected ? key : null));
    }
  }
  return cases.map(({ page, connected }, index) => {
    const runs = samples[index]!;
    const of = (key: keyof Run) => median(runs.map((run) => run[key]));
    return {
      page,
      connected,
      performance: of('performance'),
      cls: of('cls'),
      blockingMs: of('blockingMs'),
      benchmarkIndex: of('benchmarkIndex'),
      runs,
    };
  });
}
