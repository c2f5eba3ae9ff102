import { TIERS, type ScrapeMode, type Tier } from '../../contract/pricing';

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
