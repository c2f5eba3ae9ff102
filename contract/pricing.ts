import { z } from 'zod';

export const TIERS = ['1', '2', '3', '4'] as const;
export const tierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof tierSchema>;

export const SCRAPE_MODES = ['auto', 'html', 'js', 'pdf', 'ocr'] as const;
export const scrapeModeSchema = z.enum(SCRAPE_MODES);
export type ScrapeMode = z.infer<typeof scrapeModeSchema>;

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

/** Largest page any tier returns (seed: CONTENT_TOO_LARGE over 10MB). */
export const MAX_CONTENT_BYTES = 10 * 1024 * 1024;
