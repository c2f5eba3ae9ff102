import { z } from 'zod';

export const TIERS = ['1', '2', '3', '4'] as const;
export const tierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof tierSchema>;

/**
 * Tier caps the official clients send beyond "1"–"4", read as the highest sandbox tier they allow: the Python SDK's
 * "5" and the MCP server's "3.5" are caps above or between the sandbox's tiers, as are the older Python SDK's "0.5"
 * and "1.5" (no sandbox tier is below 1: "0.5" allows the cheapest); the Node SDK's names say what the tier does (a
 * stealthy HTTP client is tier 2 here, a browser tier 3, CAPTCHA solving tier 4).
 */
export const TIER_CAP_ALIASES = {
  '0.5': '1',
  '1.5': '1',
  '3.5': '3',
  '5': '4',
  curl: '1',
  http: '2',
  stealth: '2',
  browser: '3',
  captcha: '4',
} as const satisfies Record<string, Tier>;

/** The sandbox tier a cap means, whether sent as "4", 4 (the Node SDK) or an alias; null when it names none. */
export function tierOfCap(cap: string | number): Tier | null {
  const text = String(cap);
  if ((TIERS as readonly string[]).includes(text)) return text as Tier;
  return text in TIER_CAP_ALIASES ? TIER_CAP_ALIASES[text as keyof typeof TIER_CAP_ALIASES] : null;
}

export const SCRAPE_MODES = ['auto', 'html', 'js', 'pdf', 'ocr'] as const;
export const scrapeModeSchema = z.enum(SCRAPE_MODES);
export type ScrapeMode = z.infer<typeof scrapeModeSchema>;

/**
 * The tiers a request may try, in order: `js` starts in the browser, `html`
 * never reaches it, and PDFs and images are fetched, not rendered.
 */
export function tierPlan(mode: ScrapeMode, maxTier: Tier): Tier[] {
  const upTo = TIERS.filter((tier) => tier <= maxTier);
  if (mode === 'js') return upTo.filter((tier) => tier >= '3');
  if (mode === 'html' || mode === 'pdf' || mode === 'ocr') return upTo.filter((tier) => tier <= '2');
  return upTo;
}

/** What of a request decides its tiers: `cost_controls.force_tier` and `fail_fast` beside the mode and the cap. */
export interface TierChoice {
  mode: ScrapeMode;
  max_tier: Tier;
  force_tier?: Tier | undefined;
  fail_fast?: boolean | undefined;
}

/**
 * The tiers a request runs, in order: force_tier pins one tier (api-facts: "pin one tier, no escalation"), and
 * fail_fast keeps the plan's first only ("error instead of escalating"). The tiers it would escalate to are what
 * a refusal names.
 */
export function requestTierPlan({ mode, max_tier, force_tier, fail_fast }: TierChoice): Tier[] {
  if (force_tier) return tierPlan(mode, force_tier).filter((tier) => tier === force_tier);
  const plan = tierPlan(mode, max_tier);
  return fail_fast ? plan.slice(0, 1) : plan;
}

/** What each tier is, and its price in credits (ours; the contract's "Price in credits"). */
export const TIER_FACTS = {
  '1': { name: 'plain HTTP', credits: 1 },
  '2': { name: 'browser-like headers', credits: 2 },
  '3': { name: 'headless browser', credits: 5 },
  '4': { name: 'browser + CAPTCHA solving', credits: 20 },
} as const satisfies Record<Tier, { name: string; credits: number }>;

/** Credits added to the tier's price by modes that read files (ours). */
export const MODE_SURCHARGE = { pdf: 2, ocr: 5 } as const satisfies Partial<Record<ScrapeMode, number>>;

/** What a request costs when it succeeds at `tier`: the tier's price plus the mode's surcharge. */
export const priceOf = (tier: Tier, mode: ScrapeMode): number =>
  TIER_FACTS[tier].credits + (mode in MODE_SURCHARGE ? MODE_SURCHARGE[mode as keyof typeof MODE_SURCHARGE] : 0);
