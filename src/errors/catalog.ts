import {
  ERROR_CODES,
  type ErrorCategory,
  type ErrorCodeFacts,
  type FactSource,
  type RefundPolicy,
  type RetryRule,
} from '../../contract/error-codes';
import { HTTP_STATUSES, statusText } from '../../contract/http-statuses';
import { CODE_GUIDANCE, STATUS_GUIDANCE, type Guidance } from './catalog-data';
import { unknownStatusRule } from './code-facts';

export type { FixAction } from './catalog-fixes';

/** One code at one status (or one bare status): the contract's facts with the catalog's guidance. */
export interface CatalogEntry extends Guidance {
  kind: 'code' | 'status';
  /** The error code, or for kind 'status' the status as text, e.g. '403'. */
  code: string;
  /** 0 is our client's status for "no HTTP answer at all". */
  status: number;
  statusText: string;
  category: ErrorCategory;
  refund: RefundPolicy;
  retry: RetryRule;
  source: FactSource;
}

function guidanceOf({ code, status }: ErrorCodeFacts): Guidance {
  const byCode: Guidance | Partial<Record<number, Guidance>> = CODE_GUIDANCE[code];
  const guidance = 'title' in byCode ? (byCode as Guidance) : byCode[status];
  // The table's type already demands guidance for every status of a code; this only guards a cast.
  if (!guidance) throw new Error(`No guidance for ${code} at ${status}`);
  return guidance;
}

/** Every code of the contract (SESSION_EXPIRED twice), then every status of the seed's status table. */
export const CATALOG: readonly CatalogEntry[] = [
  ...ERROR_CODES.map((facts): CatalogEntry => ({
    kind: 'code',
    ...facts,
    statusText: statusText(facts.status),
    ...guidanceOf(facts),
  })),
  ...HTTP_STATUSES.map(({ status, text, category, retry, refund }): CatalogEntry => ({
    kind: 'status',
    code: String(status),
    status,
    statusText: text,
    category,
    retry,
    refund,
    source: 'seed',
    ...STATUS_GUIDANCE[status],
  })),
];

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

/** The codes the API answers `status` with (410: SESSION_EXPIRED and SESSION_INACTIVE). */
export function codesAtStatus(status: number): CatalogEntry[] {
  return CATALOG.filter((entry) => entry.kind === 'code' && entry.status === status);
}

/** The one value every entry agrees on, else null. */
function shared<T>(entries: readonly CatalogEntry[], pick: (entry: CatalogEntry) => T): T | null {
  const values = new Set(entries.map(pick));
  return values.size === 1 ? [...values][0]! : null;
}

/**
 * A status the seed's status table has no row for, but which some codes are answered with (410): the code in the
 * body tells which, so the guidance names them, and says of retry and refund only what they all agree on.
 */
function entryFromCodes(status: number, codes: readonly CatalogEntry[]): CatalogEntry {
  const names = codes.map((entry) => entry.code).join(' or ');
  return {
    kind: 'status',
    code: String(status),
    status,
    statusText: statusText(status),
    category: shared(codes, (entry) => entry.category) ?? 'request',
    title: names,
    whatHappened:
      `The API answers ${status} with ${names}; the error code in the body tells which. ` +
      codes.map((entry) => `${entry.code}: ${entry.whatHappened}`).join(' '),
    refund: shared(codes, (entry) => entry.refund) ?? 'not-applicable',
    retry: shared(codes, (entry) => entry.retry) ?? unknownStatusRule(status),
    whatToChange: codes.map((entry) => `${entry.code}: ${entry.whatToChange}`).join(' '),
    fixes: [],
    source: shared(codes, (entry) => entry.source) ?? 'ours',
  };
}

/**
 * Guidance for a code the catalog does not know, from its status class: the seed retries and refunds 5xx,
 * never retries other 4xx, and nothing can be said about the refund of an unknown 4xx.
 */
function unknownEntry(status: number): CatalogEntry {
  const server = status >= 500 && status <= 599;
  const client = status >= 400 && status <= 499;
  return {
    kind: 'status',
    code: String(status),
    status,
    statusText: statusText(status),
    category: server ? 'server' : 'request',
    title: server ? 'Unrecognised server error' : client ? 'Unrecognised request error' : 'Unrecognised error',
    whatHappened: server
      ? 'The API reported a server-side failure with a code this dashboard does not know.'
      : 'The API reported a failure with a code this dashboard does not know.',
    refund: server ? 'refunded' : 'not-applicable',
    retry: unknownStatusRule(status),
    whatToChange: server
      ? 'Retry with backoff; if it keeps failing, contact support with the request id.'
      : 'Read the message and details, check the request, and contact support with the request id if it is unclear.',
    fixes: [],
    source: 'seed',
  };
}

/** 'code': the catalog knows the code; 'status': only its status is known; 'unknown': neither. */
export type EntryMatch = 'code' | 'status' | 'unknown';

/** The entry that guides one failure: by code and status, else by status, else from the status class. */
export function entryForFailure({ code, status }: { code: string; status: number }): {
  entry: CatalogEntry;
  match: EntryMatch;
} {
  const byCode = findEntry(code, status);
  // A status-kind entry found by code means the "code" was just a status number, e.g. '503'.
  if (byCode?.kind === 'code') return { entry: byCode, match: 'code' };
  const byStatus = statusEntry(status);
  if (byStatus) return { entry: byStatus, match: 'status' };
  // A bare status (a pasted "410") is known by the codes answered with it; an unknown code is not one of them.
  const codes = code.trim() === String(status) ? codesAtStatus(status) : [];
  if (codes.length > 0) return { entry: entryFromCodes(status, codes), match: 'status' };
  return { entry: unknownEntry(status), match: 'unknown' };
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
