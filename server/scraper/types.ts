import type { Tier } from '../../contract/pricing';

/** What one tier brought back from the target. */
export interface FetchedPage {
  tier: Tier;
  /** The URL after redirects. */
  finalUrl: string;
  /** The target's HTTP status. */
  status: number;
  /** Lower-case media type without parameters, e.g. 'text/html', 'application/pdf'. */
  contentType: string;
  /** The raw body (browser tiers: the rendered DOM serialised as UTF-8 for HTML pages). */
  body: Buffer;
}

/** What a tier is asked to fetch. */
export interface TierRequest {
  url: string;
  /** Epoch ms by which the whole scrape (all tiers) must be done. */
  deadline: number;
  /** Cookies to send to the target (inline cookies, or a stored session's). */
  cookies: Record<string, string>;
  /** CSS selector to wait for (browser tiers only). */
  waitFor?: string | undefined;
}
