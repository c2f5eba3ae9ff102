import { MODE_SURCHARGE, TIER_CREDITS, type ScrapeRequestParsed, type Tier } from '../../contract/scrape';

type Mode = ScrapeRequestParsed['mode'];

/** What a request costs when it succeeds at `tier` (ours): the tier's price plus the mode's surcharge. */
export const priceOf = (tier: Tier, mode: Mode) => TIER_CREDITS[tier] + (MODE_SURCHARGE[mode] ?? 0);

const ALL_TIERS: readonly Tier[] = ['1', '2', '3', '4'];

/**
 * The tiers a request may try, in order: `js` starts in the browser, `html`
 * never reaches it, and PDFs and images are fetched, not rendered.
 */
export function tierPlan(mode: Mode, maxTier: Tier): Tier[] {
  const upTo = ALL_TIERS.filter((tier) => tier <= maxTier);
  if (mode === 'js') return upTo.filter((tier) => tier >= '3');
  if (mode === 'html' || mode === 'pdf' || mode === 'ocr') return upTo.filter((tier) => tier <= '2');
  return upTo;
}
