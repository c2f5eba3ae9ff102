import { createHash } from 'node:crypto';
import type { Estimate, ScrapeRequestParsed, ScrapeResult } from '../../contract/scrape';
import type { Tier } from '../../contract/pricing';
import { estimateScrape, tierMemoryKey } from '../billing/estimate';
import { priceOf } from '../../contract/pricing';
import { ApiFailure } from '../errors';
import type { Account } from '../repositories/accounts-repository';
import type { LedgerRepository } from '../repositories/ledger-repository';
import type { ScrapeCacheRepository } from '../repositories/scrape-cache-repository';
import type { TierMemoryRepository } from '../repositories/tier-memory-repository';
import type { Fault } from '../sandbox/faults';
import { runScrape, type EngineDeps } from './scrape-engine';

export interface ScrapeServiceDeps {
  ledger: LedgerRepository;
  cache: ScrapeCacheRepository;
  tierMemory: TierMemoryRepository;
  engine: EngineDeps;
}

/** What the request log records of a scrape. */
export interface ScrapeLogFacts {
  creditsCharged: number;
  creditsRefunded: number;
  tier: Tier | null;
  url: string;
  cached: boolean;
  code: string | null;
}

export type ScrapeOutcome =
  { ok: true; result: ScrapeResult; log: ScrapeLogFacts } | { ok: false; failure: ApiFailure; log: ScrapeLogFacts };

/**
 * A scrape from request to ledger: the checks that cost nothing, the hold, the
 * tiers, then one settlement — charged at the tier that worked, or charged and
 * refunded in full when it failed (every scraping failure is refunded).
 */
export function createScrapeService(deps: ScrapeServiceDeps) {
  /** Refusals that happen before anything is held or charged. */
  async function precheck(account: Account, request: ScrapeRequestParsed): Promise<Estimate> {
    if (request.session_id && request.cookies) {
      throw new ApiFailure(400, 'SESSION_COOKIES_CONFLICT', 'Send either session_id or cookies, not both', {
        details: { field: 'cookies' },
      });
    }
    if (request.session_id) {
      // Stored sessions arrive with the sessions work; until then no session id can exist.
      throw new ApiFailure(404, 'SESSION_NOT_FOUND', `No session ${request.session_id} for this account`);
    }
    await deps.engine.guard.check(request.url);
    if (account.subscriptionStatus !== 'active') {
      throw new ApiFailure(402, 'SUBSCRIPTION_INACTIVE', 'Your subscription has been cancelled or its payment failed');
    }
    const estimate = estimateScrape(request, deps.tierMemory.get(tierMemoryKey(request.url)));
    if (request.max_credits !== undefined && estimate.estimated_credits > request.max_credits) {
      throw exceedsCostLimit(estimate.estimated_credits, request.max_credits, estimate.estimated_tier);
    }
    return estimate;
  }

  /** Sets the most the request can cost aside, so concurrent scrapes can never overdraw the balance. */
  function hold(account: Account, requestId: string, estimate: Estimate) {
    const held = deps.ledger.hold(account.id, requestId, estimate.max_possible_credits);
    if (!held.ok) {
      throw new ApiFailure(402, 'INSUFFICIENT_CREDITS', 'Your account has insufficient balance for this request', {
        details: {
          required_credits: estimate.max_possible_credits,
          available_credits: held.available,
          estimated_tier: estimate.estimated_tier,
        },
      });
    }
  }

  async function execute(
    account: Account,
    requestId: string,
    request: ScrapeRequestParsed,
    fault: Fault | null,
    estimate: Estimate,
  ): Promise<ScrapeOutcome> {
    const log = (facts: Partial<ScrapeLogFacts>): ScrapeLogFacts => ({
      creditsCharged: 0,
      creditsRefunded: 0,
      tier: null,
      url: request.url,
      cached: false,
      code: null,
      ...facts,
    });
    const settle = (charge: number, refund: boolean, code: string | null) =>
      deps.ledger.settle({ requestId, accountId: account.id, charge, refund, code, url: request.url });

    if (fault) {
      // An injected server error is refunded like any 5xx: the audit trail shows the charge and its refund.
      settle(estimate.estimated_credits, true, fault.code);
      const billing = { refunded: true, refunded_credits: estimate.estimated_credits };
      return {
        ok: false,
        failure: new ApiFailure(fault.status, fault.code, 'The sandbox injected this failure (POST /sandbox/faults)', {
          billing,
        }),
        log: log({
          creditsCharged: estimate.estimated_credits,
          creditsRefunded: estimate.estimated_credits,
          code: fault.code,
        }),
      };
    }

    let outcome;
    try {
      outcome = await runScrape(request, request.cookies ?? {}, deps.engine);
    } catch (error) {
      deps.ledger.releaseHold(requestId);
      throw error;
    }

    if (outcome.kind === 'over-budget') {
      settle(0, false, 'EXCEEDS_COST_LIMIT');
      const next = priceOf(outcome.nextTier, request.mode);
      return {
        ok: false,
        failure: exceedsCostLimit(next, request.max_credits ?? 0, outcome.nextTier),
        log: log({ code: 'EXCEEDS_COST_LIMIT' }),
      };
    }
    if (outcome.kind === 'failure') {
      const charged = outcome.highestTier ? priceOf(outcome.highestTier, request.mode) : 0;
      const { failure } = outcome;
      settle(charged, true, failure.code);
      // Every scraping failure is refunded (seed); with nothing charged the refund is simply 0 credits.
      const billing = { refunded: true, refunded_credits: charged };
      return {
        ok: false,
        failure: new ApiFailure(failure.status, failure.code, failure.message, {
          billing,
          details: { escalations: outcome.escalations },
        }),
        log: log({ creditsCharged: charged, creditsRefunded: charged, tier: outcome.highestTier, code: failure.code }),
      };
    }

    const credits = priceOf(outcome.tier, request.mode);
    const result: ScrapeResult = {
      url: request.url,
      final_url: outcome.page.finalUrl,
      status_code: outcome.page.status,
      title: outcome.extracted.title,
      content: outcome.extracted.content,
      cached: false,
      request_id: requestId,
      billing: { total_credits: credits, tier_used: outcome.tier, cached: false, escalations: outcome.escalations },
    };
    // Remembered and cached before the charge: if either fails, the request fails uncharged, not charged and 500.
    deps.tierMemory.remember(tierMemoryKey(request.url), outcome.tier);
    if (request.cache && !request.cookies) deps.cache.put(account.id, cacheKey(request), result, request.cache_ttl);
    settle(credits, false, null);
    return { ok: true, result, log: log({ creditsCharged: credits, tier: outcome.tier }) };
  }

  /** A cache hit is free and says so; requests with cookies are personal and never cached. */
  function fromCache(account: Account, requestId: string, request: ScrapeRequestParsed): ScrapeOutcome | null {
    if (!request.cache || request.force_refresh || request.cookies) return null;
    const hit = deps.cache.get(account.id, cacheKey(request));
    if (!hit) return null;
    const result: ScrapeResult = {
      ...hit,
      cached: true,
      request_id: requestId,
      billing: { total_credits: 0, tier_used: hit.billing.tier_used, cached: true, escalations: [] },
    };
    return {
      ok: true,
      result,
      log: {
        creditsCharged: 0,
        creditsRefunded: 0,
        tier: hit.billing.tier_used,
        url: request.url,
        cached: true,
        code: null,
      },
    };
  }

  return {
    precheck,
    hold,
    execute,
    fromCache,
    releaseHold: (requestId: string) => deps.ledger.releaseHold(requestId),
    estimate: (request: ScrapeRequestParsed) =>
      estimateScrape(request, deps.tierMemory.get(tierMemoryKey(request.url))),
  };
}

export type ScrapeService = ReturnType<typeof createScrapeService>;

function exceedsCostLimit(required: number, maxCredits: number, tier: Tier) {
  return new ApiFailure(
    400,
    'EXCEEDS_COST_LIMIT',
    `This request would cost ${required} credits, more than max_credits ${maxCredits}`,
    {
      details: { estimated_credits: required, max_credits: maxCredits, tier },
    },
  );
}

/** Same page, same way of reading it: the same cached answer. */
function cacheKey(request: ScrapeRequestParsed): string {
  const identity = {
    url: request.url,
    mode: request.mode,
    formats: request.formats ? [...request.formats].sort() : null,
    max_tier: request.max_tier,
    wait_for: request.wait_for ?? null,
  };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}
