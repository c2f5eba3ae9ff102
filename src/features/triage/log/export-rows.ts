import type { RequestLogEntry } from '../../../../contract/request-log';
import { refundVerdict } from './refund-verdict';

type Value = string | number | null;

/**
 * The columns of an export: the log's own fields and the refund verdict, nothing else. The rows come from the API,
 * which never logs a key or a cookie value (it masks key-shaped text in URLs), and no other state is added here.
 */
const COLUMNS: [header: string, value: (entry: RequestLogEntry) => Value][] = [
  ['at', (entry) => entry.at],
  ['request_id', (entry) => entry.request_id],
  ['method', (entry) => entry.method],
  ['path', (entry) => entry.path],
  ['url', (entry) => entry.url],
  ['domain', (entry) => entry.domain],
  ['status', (entry) => entry.status],
  ['code', (entry) => entry.code],
  ['credits_charged', (entry) => entry.credits_charged],
  ['credits_refunded', (entry) => entry.credits_refunded],
  ['refund_verdict', (entry) => refundVerdict(entry).label],
  ['tier', (entry) => entry.tier],
  ['duration_ms', (entry) => entry.duration_ms],
  ['session_id', (entry) => entry.session_id],
  ['origin', (entry) => entry.origin],
];

/** A cell as CSV reads it; one a spreadsheet would run as a formula is quoted as text. */
function cell(value: Value): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const rowsCsv = (rows: readonly RequestLogEntry[]) =>
  [COLUMNS.map(([header]) => header), ...rows.map((entry) => COLUMNS.map(([, value]) => value(entry)))]
    .map((row) => row.map(cell).join(','))
    .join('\r\n') + '\r\n';

/** The same rows as JSON: the API's fields as it gave them, with the verdict beside them. */
export const rowsJson = (rows: readonly RequestLogEntry[]) =>
  JSON.stringify(
    rows.map((entry) => ({ ...entry, refund_verdict: refundVerdict(entry).label })),
    null,
    2,
  ) + '\n';
