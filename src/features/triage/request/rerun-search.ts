import type { RequestLogEntry } from '../../../../contract/request-log';

/** A logged call that the scrape page can send again: a scrape, with the URL it asked for. */
export const isRerunnable = (entry: RequestLogEntry): entry is RequestLogEntry & { url: string } =>
  entry.method === 'POST' && /\/scrape$/.test(entry.path) && entry.url !== null;

/**
 * What /scrape's address carries to start its form from this request: the URL and the stored session by id. Never
 * cookies: a cookie value is a secret, and the log does not hold one anyway.
 */
export function rerunSearch(entry: RequestLogEntry & { url: string }) {
  return { url: entry.url, ...(entry.session_id ? { session_id: entry.session_id } : {}) };
}
