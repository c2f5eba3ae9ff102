import { z } from 'zod';
import { SCRAPE_LIMITS } from '../../../contract/scrape-defaults';

/** The list's status filter: one of the API's statuses, or `cleanup` for expired and inactive ones together. */
export const STATUS_FILTERS = ['active', 'expired', 'invalid', 'cleanup'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/**
 * /sessions?status=…&domain=…: the filters live in the URL, and so do the session open in detail and the form a
 * link may open (a failed scrape's guidance links to `?refresh=<id>`, or to `?domain=<site>&create=true&check=<url>`:
 * the failed page is the one a new session is checked on, as a host alone cannot say which port or scheme it has).
 * A bad value is dropped, not an error.
 */
export const sessionsSearchSchema = z.object({
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  domain: z.string().trim().max(253).optional().catch(undefined),
  session: z.uuid().optional().catch(undefined),
  refresh: z.uuid().optional().catch(undefined),
  create: z.boolean().optional().catch(undefined),
  check: z
    .url({ protocol: /^https?$/ })
    .max(SCRAPE_LIMITS.urlMaxLength)
    .optional()
    .catch(undefined),
});
