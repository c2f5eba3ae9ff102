import { stripVTControlCharacters } from 'node:util';
import type { z } from 'zod';
import { priceOf, requestTierPlan, tierPlan, TIERS, type Tier } from '../../contract/pricing';
import type { escalationSchema, ScrapeRequestParsed } from '../../contract/scrape';
import { classify } from './classify';
import { extractResult, type ExtractedResult } from './extract-result';
import { ScrapeFailure, type ScrapingCode } from './scrape-failure';
import type { TargetGuard } from './target-guard';
import type { BrowserPool } from './tiers/browser-tier';
import { fetchTier } from './tiers/fetch-tier';
import type { FetchedPage, TierRequest } from './types';

type Escalation = z.infer<typeof escalationSchema>;

export type EngineResult =
  | { kind: 'success'; tier: Tier; page: FetchedPage; extracted: ExtractedResult; escalations: Escalation[] }
  | {
      kind: 'failure';
      failure: ScrapeFailure;
      highestTier: Tier | null;
      escalations: Escalation[];
      /** The tier the request would have escalated to, had force_tier or fail_fast not kept it where it was. */
      refusedTier: Tier | null;
    }
  /** The next tier would cost more than `max_credits`: stopped before spending it. */
  | { kind: 'over-budget'; nextTier: Tier; escalations: Escalation[] };

export interface EngineDeps {
  guard: TargetGuard;
  browser: BrowserPool;
}

/** Failures a higher tier cannot fix: the scrape stops at them. */
const FINAL = new Set<ScrapingCode>(['TIMEOUT', 'NETWORK_ERROR', 'CONTENT_TOO_LARGE']);

/**
 * Tries the request's tiers in order until one gets the content: each tier's
 * page is classified (generic signs, no special cases), a wall sends the request
 * one tier up, a failure no tier can fix ends it. The timeout covers all tiers.
 */
export async function runScrape(
  request: ScrapeRequestParsed,
  cookies: Record<string, string>,
  deps: EngineDeps,
  /** A stored session's headers and the domain its cookies and headers may go to. */
  session: Pick<TierRequest, 'headers' | 'credentialDomain'> = {},
): Promise<EngineResult> {
  const deadline = Date.now() + request.timeout * 1000;
  const tierRequest: TierRequest = {
    url: request.url,
    deadline,
    cookies,
    ...session,
    waitFor: request.wait_for,
    waitUntil: request.wait_until,
    screenshot: request.screenshot,
  };
  const escalations: Escalation[] = [];
  let lastFailure: ScrapeFailure | null = null;
  let highestTier: Tier | null = null;
  let escalate = false;

  for (const tier of requestTierPlan(request)) {
    if (request.max_credits !== undefined && priceOf(tier, request.mode) > request.max_credits) {
      return { kind: 'over-budget', nextTier: tier, escalations };
    }
    const started = Date.now();
    const record = (result: Escalation['result'], error: string | null, credits = 0) =>
      escalations.push({ tier, result, credits, duration_ms: Date.now() - started, error });

    if (tier >= '3' && !deps.browser.available) {
      record('skipped', deps.browser.unavailableReason);
      continue;
    }
    highestTier = tier;
    try {
      const page =
        tier <= '2'
          ? await fetchTier(tier as '1' | '2', tierRequest, deps.guard)
          : await deps.browser.fetch(tier as '3' | '4', tierRequest);
      const verdict = classify(page, request.mode);
      if (verdict.kind === 'ok') {
        const extracted = await extractResult(page, request, deadline);
        record('success', null, priceOf(tier, request.mode));
        return { kind: 'success', tier, page, extracted, escalations };
      }
      lastFailure = new ScrapeFailure(verdict.code, verdict.reason);
      record('failed', verdict.reason);
      escalate = verdict.kind === 'escalate';
      if (!escalate) break;
    } catch (error) {
      if (!(error instanceof ScrapeFailure)) {
        if (tier <= '2') throw error; // a refused redirect or a bug: not the target's doing
        // The browser itself failed (crashed, unavailable): say so and let the next tier try.
        // Playwright colours its messages for a terminal: the escalation's error is read in JSON and on a page.
        record('failed', stripVTControlCharacters(error instanceof Error ? error.message : String(error)));
        continue;
      }
      lastFailure = error;
      record('failed', error.message);
      escalate = !FINAL.has(error.code);
      if (!escalate) break;
    }
  }
  const refusedTier = escalate && highestTier ? refusedEscalation(request, highestTier) : null;
  const failure = lastFailure ?? new ScrapeFailure('EXTRACTION_FAILED', 'No tier could fetch the page');
  return {
    kind: 'failure',
    failure: refusedTier
      ? new ScrapeFailure(failure.code, `${failure.message}${refusalOf(request, refusedTier)}`)
      : failure,
    highestTier,
    escalations,
    refusedTier,
  };
}

/** The tier the plan without force_tier and fail_fast would have tried next, if they stopped the request. */
function refusedEscalation(request: ScrapeRequestParsed, last: Tier): Tier | null {
  if (!request.force_tier && !request.fail_fast) return null;
  return (
    tierPlan(request.mode, request.force_tier ? TIERS.at(-1)! : request.max_tier).find((tier) => tier > last) ?? null
  );
}

const refusalOf = (request: ScrapeRequestParsed, next: Tier) =>
  request.force_tier
    ? ` (force_tier ${request.force_tier}: not escalated; tier ${next} may get the page)`
    : ` (fail_fast: not escalated; tier ${next} may get the page)`;
