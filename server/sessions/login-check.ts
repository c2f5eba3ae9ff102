import { classify } from '../scraper/classify';
import { parseDocument } from '../scraper/extract/parse-document';
import { ScrapeFailure } from '../scraper/scrape-failure';
import type { TargetGuard } from '../scraper/target-guard';
import { fetchTier } from '../scraper/tiers/fetch-tier';
import type { FetchedPage, TierRequest } from '../scraper/types';

/** A check is a page load, not a scrape: it gives up sooner than a scrape's default. */
const CHECK_TIMEOUT_MS = 20_000;

/** What a session sends with a request: decrypted only to be sent, never stored or answered. */
export interface SessionCredentials {
  cookies: Record<string, string>;
  headers: Record<string, string>;
}

export interface LoginCheck {
  valid: boolean;
  /** How sure the verdict is, 0–1. */
  confidence: number;
  httpStatus: number | null;
  verdict: string;
  reason: string;
  title: string | null;
  tier: '1' | '2';
}

/**
 * Whether a session still signs in, told by what its check URL shows with its cookies and headers: fetched by
 * the scraper's own tiers 1–2 and read by its classifier, so "a login wall" means here what it means to a scrape
 * (a sign-in form or a 401), not a status code alone. Tier 2 is tried when tier 1 meets a wall a browser-like
 * request may pass.
 */
export async function checkLogin(
  target: Pick<TierRequest, 'url' | 'cookies' | 'headers' | 'credentialDomain'>,
  guard: TargetGuard,
): Promise<LoginCheck> {
  const request: TierRequest = { ...target, deadline: Date.now() + CHECK_TIMEOUT_MS };
  let last: LoginCheck | null = null;
  for (const tier of ['1', '2'] as const) {
    let page: FetchedPage;
    try {
      page = await fetchTier(tier, request, guard);
    } catch (error) {
      if (!(error instanceof ScrapeFailure)) throw error;
      const verdict = error.code.toLowerCase();
      return { valid: false, confidence: 0.5, httpStatus: null, verdict, reason: error.message, title: null, tier };
    }
    const verdict = classify(page, 'html');
    const seen = { httpStatus: page.status, title: titleOf(page), tier };
    if (verdict.kind === 'ok') {
      // A page that shows content with an error status is less clearly a signed-in one.
      const confidence = page.status < 300 ? 0.9 : 0.6;
      return {
        valid: true,
        confidence,
        verdict: 'logged_in',
        reason: 'The page showed its content, not a login wall',
        ...seen,
      };
    }
    const loginWall = verdict.code === 'REQUIRES_AUTH';
    last = {
      valid: false,
      // A login wall is a clear "no"; a wall of another kind only says this check could not see.
      confidence: loginWall ? 0.95 : 0.5,
      verdict: loginWall ? 'login_wall' : verdict.code.toLowerCase(),
      reason: verdict.reason,
      ...seen,
    };
    if (verdict.kind === 'fail') break;
  }
  return last!;
}

function titleOf(page: FetchedPage): string | null {
  if (page.contentType !== 'text/html' && page.contentType !== '') return null;
  const title = parseDocument(page.body.toString('utf8')).querySelector('title')?.textContent?.trim();
  return title || null;
}
