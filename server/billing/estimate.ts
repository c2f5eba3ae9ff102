import type { Estimate, ScrapeRequestParsed } from '../../contract/scrape';
import type { Tier } from '../../contract/pricing';
import { priceOf, requestTierPlan } from '../../contract/pricing';

/**
 * The free estimate: the tier a request will most likely succeed at, and what
 * that costs. A URL scraped before is expected at the tier that worked then;
 * otherwise the plan's first tier. A run that succeeds at the estimated tier is
 * charged exactly the estimate.
 */
export function estimateScrape(request: ScrapeRequestParsed, rememberedTier: Tier | null): Estimate {
  const plan = requestTierPlan(request);
  const first = plan[0] ?? request.max_tier;
  const last = plan.at(-1) ?? request.max_tier;
  const remembered = rememberedTier && plan.includes(rememberedTier) ? rememberedTier : null;
  const tier = remembered ?? first;
  const confidence = remembered ? 'high' : plan.length === 1 || request.mode !== 'auto' ? 'medium' : 'low';
  return {
    url: request.url,
    estimated_tier: tier,
    estimated_credits: priceOf(tier, request.mode),
    max_possible_credits: priceOf(last, request.mode),
    confidence,
    reasoning: reasoningOf(request, { tier, first, last, remembered: remembered !== null }),
  };
}

/** The estimate in words: where it starts, why, and how far the request may escalate. */
function reasoningOf(
  request: ScrapeRequestParsed,
  plan: { tier: Tier; first: Tier; last: Tier; remembered: boolean },
): string {
  const start = plan.remembered
    ? `Your last scrape of this page succeeded at tier ${plan.tier}.`
    : request.mode === 'js'
      ? `Mode js starts in the browser, at tier ${plan.first}.`
      : `No scrape of this page on this account yet: the run starts at tier ${plan.first}.`;
  const reach = request.force_tier
    ? `force_tier pins it to that tier: it fails rather than escalate.`
    : plan.first !== plan.last
      ? `It may escalate up to tier ${plan.last} (max_tier ${request.max_tier}); you pay only for the tier that succeeds.`
      : request.fail_fast
        ? `fail_fast: it fails rather than escalate past that tier.`
        : `It runs at that tier only: nothing to escalate to.`;
  return `${start} ${reach}`;
}

/** What the tier memory is keyed by: the page, without query or fragment. */
export function tierMemoryKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}
