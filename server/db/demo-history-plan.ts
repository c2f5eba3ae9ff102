import { ERROR_CODES, type CodeOfCategory } from '../../contract/error-codes';
import type { ScrapeMode, Tier } from '../../contract/pricing';
import type { ScrapeEnd } from '../billing/settlement';
import { type DEMO_KEY } from './demo-accounts';
import { DEMO_SITES, type DemoSite } from './demo-history-sites';

/**
 * Thirty days of plausible traffic for the demo accounts, the same on every run: a seeded PRNG decides every
 * call, and times are offsets back from the moment the history is written. It says what happened (which page,
 * which tier, which code); what that costs is billing's business when the plan is replayed.
 */

export const HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;

type ScrapingCode = CodeOfCategory<'scraping'>;
/** Every scraping failure of the contract: the history shows each of them, with the refund its policy says. */
const SCRAPING_CODES = ERROR_CODES.filter((facts) => facts.category === 'scraping').map(
  (facts) => facts.code as ScrapingCode,
);

/** Calls a day on a weekday, per demo account that has a history; the others (broke, lapsed, revoked) have none. */
export const DAILY_SCRAPES: Partial<Record<keyof typeof DEMO_KEY, number>> = {
  free: 7,
  basic: 22,
  growth: 55,
  scale: 70,
  highVolume: 120,
};

export type PlannedCall =
  | {
      kind: 'scrape';
      atOffsetMs: number;
      requestId: string;
      url: string;
      mode: ScrapeMode;
      maxTier: Tier;
      end: ScrapeEnd;
      durationMs: number;
    }
  | { kind: 'rate-limited'; atOffsetMs: number; requestId: string; durationMs: number };

/** mulberry32: small, fast and good enough to make traffic look uneven. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    between: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      let left = next() * items.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [item, weight] of items) if ((left -= weight) < 0) return item;
      return items.at(-1)![0];
    },
    hex: (length: number) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
}
type Random = ReturnType<typeof prng>;

const seedOf = (name: string) =>
  [...name].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16_777_619), 2_166_136_261);

/** Shaped like the sandbox's own ids, drawn from the seed so two runs write the same ones. */
const requestIdOf = (random: Random) =>
  `req_${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-a${random.hex(3)}-${random.hex(12)}`;

const DURATION_MS: Record<Tier, [number, number]> = {
  '1': [250, 900],
  '2': [600, 1600],
  '3': [2000, 6500],
  '4': [5000, 15000],
};

function scrapeOf(
  site: DemoSite,
  random: Random,
  failures: { count: number },
): Omit<PlannedCall & { kind: 'scrape' }, 'atOffsetMs' | 'requestId'> {
  const tier = random.weighted(site.tiers);
  const url = `https://${site.host}${random.pick(site.paths)}`;
  const base = { kind: 'scrape' as const, url, mode: site.mode, maxTier: site.maxTier };
  const roll = random.next();
  if (roll < site.cacheShare) {
    return { ...base, end: { kind: 'cache-hit', tier }, durationMs: random.between(4, 40) };
  }
  if (roll < site.cacheShare + site.failureShare) {
    // Mostly what the site is known for; every fourth failure walks through the whole list, so each code shows.
    const code =
      failures.count++ % 4 === 3
        ? SCRAPING_CODES[(failures.count >> 2) % SCRAPING_CODES.length]!
        : random.pick(site.failures);
    return { ...base, end: { kind: 'failure', code, tier }, durationMs: random.between(...DURATION_MS[tier]) };
  }
  return { ...base, end: { kind: 'success', tier }, durationMs: random.between(...DURATION_MS[tier]) };
}

const SITE_WEIGHTS = DEMO_SITES.map((site) => [site, site.weight] as const);

/** The plan of one account, oldest first: offsets are ms after the start of the history. */
export function planFor(account: keyof typeof DEMO_KEY, perDay: number): PlannedCall[] {
  const random = prng(seedOf(account));
  const failures = { count: 0 };
  const calls: PlannedCall[] = [];
  for (let day = 0; day < HISTORY_DAYS; day++) {
    const weekend = day % 7 === 5 || day % 7 === 6;
    const count = Math.round(perDay * (weekend ? 0.45 : 1) * (0.7 + random.next() * 0.6));
    // Busier in the day than at night: two draws averaged lean towards the middle of the day.
    const offsets = Array.from({ length: count }, () => ((random.next() + random.next()) / 2) * DAY_MS).sort(
      (a, b) => a - b,
    );
    for (const offset of offsets) {
      const site = random.weighted(SITE_WEIGHTS);
      calls.push({
        ...scrapeOf(site, random, failures),
        atOffsetMs: day * DAY_MS + Math.floor(offset),
        requestId: requestIdOf(random),
      });
    }
    // Now and then a script runs too fast: a burst of 429s within a few seconds.
    if (day % 6 === 2) {
      const start = day * DAY_MS + Math.floor(random.next() * (DAY_MS - 60_000));
      const burst = random.between(6, 14);
      for (let call = 0; call < burst; call++) {
        calls.push({
          kind: 'rate-limited',
          atOffsetMs: start + call * 350,
          requestId: requestIdOf(random),
          durationMs: random.between(1, 4),
        });
      }
    }
  }
  return calls.sort((a, b) => a.atOffsetMs - b.atOffsetMs);
}
