import type { RegisteredRouter } from '@tanstack/react-router';
import type { RequestDetail } from '../../../../contract/request-detail';

/** The search /scrape takes to start its form from a request, as its route's schema says. */
type ScrapeSearch = RegisteredRouter['routesByPath']['/scrape']['types']['searchSchemaInput'];

/**
 * The request fields that travel to the scrape page. Not `cookies`: a cookie value is a secret (the detail holds
 * only masked ones anyway), and a stored session travels by its id.
 */
const CARRIED = [
  'mode',
  'formats',
  'sync',
  'timeout',
  'max_tier',
  'max_credits',
  'cache',
  'cache_ttl',
  'force_refresh',
  'session_id',
  'wait_for',
  'screenshot',
  'include_raw_html',
] as const satisfies readonly (keyof ScrapeSearch)[];

/** A logged call that the scrape page can send again: a scrape, with the URL it asked for. */
export const isRerunnable = (detail: RequestDetail): detail is RequestDetail & { url: string } =>
  detail.method === 'POST' && /\/scrape$/.test(detail.path) && detail.url !== null;

/** What /scrape's address carries to start its form from this request; the route checks every value itself. */
export function rerunSearch(detail: RequestDetail & { url: string }): ScrapeSearch {
  const parameters = detail.parameters ?? {};
  const carried = CARRIED.flatMap((name) => (parameters[name] == null ? [] : [[name, parameters[name]] as const]));
  const session = detail.session?.id ?? detail.session_id;
  return {
    ...(Object.fromEntries(carried) as ScrapeSearch),
    ...(session ? { session_id: session } : {}),
    url: detail.url,
  };
}
