import type { RefundPolicy } from '../../../contract/error-codes';
import { CATALOG, entriesForCode, searchCatalog, statusEntry, type CatalogEntry } from '../../errors/catalog';
import { decodePaste, type DecodedPaste } from './decode-paste';

/** Words about refunds pick entries by the code's refund policy, not by whether its wording says "refund". */
const REFUND_PHRASES: readonly [RegExp, RefundPolicy][] = [
  [/\bnot[\s_-]+refunded\b/i, 'not-refunded'],
  [/\bnot[\s_-]+charged\b/i, 'not-charged'],
  [/\brefund(?:s|ed|able)?\b/i, 'refunded'],
];

/** A pasted code at several statuses (SESSION_EXPIRED) lists the pasted status first. */
function entriesForDecoded(decoded: DecodedPaste): CatalogEntry[] {
  const byCode = decoded.code ? entriesForCode(decoded.code) : [];
  if (byCode.length > 0) {
    return [...byCode].sort((a, b) => Number(b.status === decoded.status) - Number(a.status === decoded.status));
  }
  const byStatus = decoded.status === null ? undefined : statusEntry(decoded.status);
  return byStatus ? [byStatus] : [];
}

/**
 * The reference's search: a pasted error body, response or request id is decoded first; otherwise words, codes
 * and statuses as the catalog searches them, with refund words read as the refund policy.
 */
export function searchEntries(query: string): { decoded: DecodedPaste | null; results: CatalogEntry[] } {
  const decoded = decodePaste(query);
  if (decoded) return { decoded, results: entriesForDecoded(decoded) };

  const phrase = REFUND_PHRASES.find(([pattern]) => pattern.test(query));
  if (!phrase) return { decoded: null, results: searchCatalog(query) };
  const [pattern, policy] = phrase;
  const rest = query.replace(pattern, ' ').trim();
  const pool = rest ? searchCatalog(rest) : CATALOG;
  return { decoded: null, results: pool.filter((entry) => entry.refund === policy) };
}
