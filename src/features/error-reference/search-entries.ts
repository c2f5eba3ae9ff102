import type { RefundPolicy } from '../../../contract/error-codes';
import { CATALOG, entriesForCode, searchCatalog, statusEntry, type CatalogEntry } from '../../errors/catalog';
import { UNKNOWN_CODE } from '../../errors/failure-input';
import { readPastedAnswer, type PastedAnswer } from '../../errors/pasted-answer';

/** Words about refunds pick entries by the code's refund policy, not by whether its wording says "refund". */
const REFUND_PHRASES: readonly [RegExp, RefundPolicy][] = [
  [/\bnot[\s_-]+refunded\b/i, 'not-refunded'],
  [/\bnot[\s_-]+charged\b/i, 'not-charged'],
  [/\brefund(?:s|ed|able)?\b/i, 'refunded'],
];

/** What the reference shows of a pasted answer; the triage decoder reads the same answer in full. */
export interface PasteSummary {
  kind: PastedAnswer['kind'];
  /** A code the answer names, to link its entry; null for a status alone, or a body that names none. */
  code: string | null;
  /** The status line's; null when only a body was pasted, whatever status its code implies. */
  status: number | null;
  requestId: string | null;
  message: string | null;
}

function summaryOf(answer: PastedAnswer): PasteSummary {
  const failure = answer.kind === 'request-id' ? null : answer.failure;
  const named = failure && /^[A-Z][A-Z0-9_]*$/.test(failure.code) && failure.code !== UNKNOWN_CODE;
  return {
    kind: answer.kind,
    code: named ? failure.code : null,
    status: answer.kind === 'http-response' ? answer.status : null,
    requestId: answer.requestId,
    message: failure?.message || null,
  };
}

/** A pasted code at several statuses (SESSION_EXPIRED) lists the pasted status first. */
function entriesForDecoded(decoded: PasteSummary): CatalogEntry[] {
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
export function searchEntries(query: string): { decoded: PasteSummary | null; results: CatalogEntry[] } {
  const answer = readPastedAnswer(query);
  if (answer) {
    const decoded = summaryOf(answer);
    return { decoded, results: entriesForDecoded(decoded) };
  }

  const phrase = REFUND_PHRASES.find(([pattern]) => pattern.test(query));
  if (!phrase) return { decoded: null, results: searchCatalog(query) };
  const [pattern, policy] = phrase;
  const rest = query.replace(pattern, ' ').trim();
  const pool = rest ? searchCatalog(rest) : CATALOG;
  return { decoded: null, results: pool.filter((entry) => entry.refund === policy) };
}
