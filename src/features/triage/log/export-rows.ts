import type { RequestLogEntry } from '../../../../contract/request-log';
import { type CsvColumn, toCsv } from '../../../lib/csv';
import { refundVerdict } from './refund-verdict';

/**
 * The columns of an export: the log's own fields and the refund verdict, nothing else. The rows come from the API,
 * which never logs a key or a cookie value (it masks key-shaped text in URLs), and no other state is added here.
 */
const COLUMNS: CsvColumn<RequestLogEntry>[] = [
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

export const rowsCsv = (rows: readonly RequestLogEntry[]) => toCsv(COLUMNS, rows);

/** The same rows as JSON: the API's fields as it gave them, with the verdict beside them. */
export const rowsJson = (rows: readonly RequestLogEntry[]) =>
  JSON.stringify(
    rows.map((entry) => ({ ...entry, refund_verdict: refundVerdict(entry).label })),
    null,
    2,
  ) + '\n';
