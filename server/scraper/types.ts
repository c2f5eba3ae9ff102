import type { Tier } from '../../contract/pricing';
import type { WaitUntil } from '../../contract/scrape-request';

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
  /** A PNG of the page as the browser showed it, when one was asked for (browser tiers only). */
  screenshot?: Buffer | undefined;
}

/** What a tier is asked to fetch. */
export interface TierRequest {
  url: string;
  /** Epoch ms by which the whole scrape (all tiers) must be done. */
  deadline: number;
  /** Cookies to send to the target (inline cookies, or a stored session's). */
  cookies: Record<string, string>;
  /** A stored session's headers, sent with its cookies. */
  headers?: Record<string, string> | undefined;
  /**
   * Where cookies and headers may go: hosts this session domain covers (contract/session-domain.ts). Unset: the
   * URL's own host only, as a browser keeps a host-only cookie; a redirect elsewhere never carries them.
   */
  credentialDomain?: string | undefined;
  /** CSS selector to wait for (browser tiers only). */
  waitFor?: string | undefined;
  /** What the browser waits for before reading the page (browser tiers only). */
  waitUntil?: WaitUntil | undefined;
  /** Take a PNG of the page (browser tiers only). */
  screenshot?: boolean | undefined;
}
