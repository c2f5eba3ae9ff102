import type { ScrapeRequest } from '../../contract/scrape';
import { CATALOG } from './catalog-data';

export { CATALOG };

/**
 * How a failure may be retried, from the seed's "Retry?" column:
 * 'never' (No), 'after-reset' (Yes, after delay), 'backoff' (Yes), 'maybe' (offered as a fix, never automatic),
 * 'not-applicable' (a success).
 */
export type RetryRule = 'never' | 'after-reset' | 'backoff' | 'maybe' | 'not-applicable';

/**
 * What the seed's refund policy says about the credits of a failed request. 'not-charged' failures are refused
 * before anything is reserved; 'not-applicable' means no scrape credits are at stake, or the status alone
 * cannot tell (so no mismatch can be claimed).
 */
export type RefundPolicy = 'refunded' | 'not-refunded' | 'not-charged' | 'not-applicable';

export type Category =
  'auth' | 'rate-limit' | 'billing' | 'scraping' | 'session' | 'request' | 'server' | 'webhook' | 'success';

/** A change the scrape page can apply to the request before running it again, or a page to open. */
export type FixAction =
  | { kind: 'patch-request'; id: string; label: string; set?: Partial<ScrapeRequest>; drop?: (keyof ScrapeRequest)[] }
  | { kind: 'link'; id: string; label: string; to: string };

export interface CatalogEntry {
  kind: 'code' | 'status';
  /** The error code, or for kind 'status' the status as text, e.g. '403'. */
  code: string;
  /** 0 is our client's status for "no HTTP answer at all". */
  status: number;
  statusText: string;
  category: Category;
  title: string;
  whatHappened: string;
  refund: RefundPolicy;
  retry: RetryRule;
  whatToChange: string;
  fixes: readonly FixAction[];
  /** 'seed': from the AlterLab error-code reference; 'sandbox': added by our API contract. */
  source: 'seed' | 'sandbox';
}

/** All entries for one code (SESSION_EXPIRED has two: 401 and 410), lowest status first. */
export function entriesForCode(code: string): CatalogEntry[] {
  const wanted = code.trim().toUpperCase();
  return CATALOG.filter((entry) => entry.code === wanted).sort((a, b) => a.status - b.status);
}

/** The generic entry of an HTTP status of the seed's status table, e.g. 403. */
export function statusEntry(status: number): CatalogEntry | undefined {
  return CATALOG.find((entry) => entry.kind === 'status' && entry.status === status);
}

/**
 * The entry of a code. When the code exists at several statuses, `status` picks. With no status, or a status
 * the code is not known at (a proxy may change it), the code still says more than the status, so the lowest
 * status kind 'code' entry wins; for SESSION_EXPIRED that is the dashboard login (401).
 */
export function findEntry(code: string, status?: number): CatalogEntry | undefined {
  const candidates = entriesForCode(code);
  const exact = status === undefined ? undefined : candidates.find((entry) => entry.status === status);
  return exact ?? candidates.find((entry) => entry.kind === 'code') ?? candidates[0];
}

/** Lower case, with `_` and `-` read as spaces, so 'anti bot' finds 'anti-bot' and 'rate limit' finds RATE_LIMIT_*. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[_\-/]+/g, ' ');
}

function haystack(entry: CatalogEntry): string {
  return normalize(
    [entry.code, entry.statusText, entry.title, entry.category, entry.whatHappened, entry.whatToChange].join(' '),
  );
}

/** Higher is a better match: the code itself, then its start, then the title. */
function rank(entry: CatalogEntry, query: string): number {
  const code = normalize(entry.code);
  if (code === query) return 3;
  if (code.startsWith(query)) return 2;
  return normalize(entry.title).includes(query) ? 1 : 0;
}

/**
 * Entries where every word of the query matches somewhere (case-insensitive). A number matches the status
 * only, so '429' does not also find every text that mentions 429. An empty query gives the whole catalog.
 */
export function searchCatalog(query: string): CatalogEntry[] {
  const normalized = normalize(query).trim();
  const words = normalized.split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return [...CATALOG];
  const matches = CATALOG.filter((entry) => {
    const text = haystack(entry);
    return words.every((word) => (/^\d+$/.test(word) ? String(entry.status) === word : text.includes(word)));
  });
  // Array.prototype.sort is stable, so equal ranks keep the catalog's order.
  return matches.sort((a, b) => rank(b, normalized) - rank(a, normalized));
}
