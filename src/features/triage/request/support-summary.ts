import type { RequestDetail } from '../../../../contract/request-detail';
import { credits, formatDateTime } from '../../../lib/format';
import { adviceForEntry, refundVerdict } from '../log/refund-verdict';

/**
 * The request in plain text, to paste into a ticket or a chat: what support and the customer both need, from the
 * log and the catalog only. No key and no cookie value: the log holds neither.
 */
export function supportSummary(entry: RequestDetail, link: string): string {
  const advice = adviceForEntry(entry);
  const verdict = refundVerdict(entry);
  const outcome = entry.code ? `HTTP ${entry.status} ${entry.code}` : `HTTP ${entry.status}`;
  const lines = [
    `Request ${entry.request_id}`,
    `Time: ${formatDateTime(entry.at)}`,
    `Call: ${entry.method} ${entry.path}${entry.url ? ` → ${entry.url}` : ''}`,
    `Outcome: ${outcome}${advice ? ` (${advice.entry.title})` : ''}`,
    `What happened: ${advice ? advice.entry.whatHappened : 'The request succeeded.'}`,
    ...(entry.response.message ? [`The API said: ${entry.response.message}`] : []),
    `Credits: ${credits(entry.credits_charged)} charged, ${credits(entry.credits_refunded)} refunded`,
    `Refund: ${verdict.label}`,
    `What to do next: ${advice ? advice.entry.whatToChange : 'Nothing: it succeeded.'}`,
    `Link: ${link}`,
  ];
  return lines.join('\n') + '\n';
}
