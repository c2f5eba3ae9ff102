import { createHash } from 'node:crypto';
import { priceOf } from '../../contract/pricing';
import type { ScrapeRequestParsed, ScrapeResult } from '../../contract/scrape';
import type { CachedResult } from '../repositories/scrape-cache-repository';
import type { EngineResult } from '../scraper/scrape-engine';

type Success = Extract<EngineResult, { kind: 'success' }>;

/** Where a stored screenshot is fetched: under /api/v1, so a client that prepends only the host finds it too. */
const screenshotUrl = (id: string) => `/api/v1/screenshots/${id}`;

const isHtml = (contentType: string) => contentType === 'text/html' || contentType === 'application/xhtml+xml';

/** A successful scrape's answer; `screenshotId` when its PNG was stored. */
export function resultOf(
  outcome: Success,
  request: ScrapeRequestParsed,
  call: { requestId: string; startedAt: number; screenshotId: string | null },
): ScrapeResult {
  const { page, extracted, tier, escalations } = outcome;
  const result: ScrapeResult = {
    url: request.url,
    final_url: page.finalUrl,
    status_code: page.status,
    title: extracted.title,
    content: extracted.content,
    cached: false,
    request_id: call.requestId,
    billing: { total_credits: priceOf(tier, request.mode), tier_used: tier, cached: false, escalations },
    response_time_ms: elapsedSince(call.startedAt),
    size_bytes: page.body.length,
  };
  if (request.include_raw_html && isHtml(page.contentType)) result.raw_html = page.body.toString('utf8');
  if (call.screenshotId) result.screenshot_url = screenshotUrl(call.screenshotId);
  return withWarning(result, request, page.contentType);
}

/**
 * A cached answer served to this request: free, timed now, dated (stored when, served until), warned about what
 * this request asked for.
 */
export function cacheHitOf(hit: CachedResult, request: ScrapeRequestParsed, requestId: string, startedAt: number) {
  const { warning: _earlier, ...rest } = hit.result;
  const billing = { total_credits: 0, tier_used: hit.result.billing.tier_used, cached: true, escalations: [] };
  const result = {
    ...rest,
    cached: true,
    request_id: requestId,
    billing,
    response_time_ms: elapsedSince(startedAt),
    cached_at: new Date(hit.storedAt).toISOString(),
    expires_at: new Date(hit.expiresAt).toISOString(),
  };
  return withWarning(result, request, null);
}

/** What was asked and not done, in one sentence per reason; no warning when everything was. */
function withWarning(result: ScrapeResult, request: ScrapeRequestParsed, contentType: string | null): ScrapeResult {
  const notes: string[] = [];
  if (request.ignored.length > 0) {
    notes.push(`Accepted without effect in the sandbox: ${request.ignored.join(', ')}.`);
  }
  if (request.screenshot && !result.screenshot_url) {
    notes.push(
      `screenshot: tier ${result.billing.tier_used ?? '?'} got the page without a browser; ` +
        'use mode js (tiers 3–4) for a screenshot.',
    );
  }
  if (request.include_raw_html && contentType !== null && !isHtml(contentType)) {
    notes.push(`include_raw_html: the page is ${contentType}, not HTML.`);
  }
  return notes.length > 0 ? { ...result, warning: notes.join(' ') } : result;
}

const elapsedSince = (startedAt: number) => Math.max(0, Math.round(performance.now() - startedAt));

/** Same page, read the same way: the same cached answer. */
export function cacheKey(request: ScrapeRequestParsed): string {
  const identity = {
    url: request.url,
    mode: request.mode,
    formats: request.formats ? [...request.formats].sort() : null,
    max_tier: request.max_tier,
    // Absent when not asked for (JSON.stringify drops undefined), so the keys of answers cached before them stay.
    force_tier: request.force_tier,
    fail_fast: request.fail_fast || undefined,
    wait_for: request.wait_for ?? null,
    wait_until: request.wait_until,
    pdf_format: request.pdf_format,
    include_raw_html: request.include_raw_html,
    screenshot: request.screenshot,
  };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}
