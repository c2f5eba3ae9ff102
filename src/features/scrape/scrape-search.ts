import { z } from 'zod';
import { scrapeModeSchema, tierSchema } from '../../../contract/pricing';
import { SCRAPE_LIMITS } from '../../../contract/scrape-defaults';
import { scrapeFormatSchema } from '../../../contract/scrape-request';

/**
 * /scrape?url=…&mode=…&formats=…: a request to start the form from, such as a logged request reopened from its page
 * in the request log. The fields of a scrape request except `cookies`: a cookie value never travels in a URL (the
 * session, by id, may). A bad value is dropped, not an error; the form checks the rest as it always does.
 */
export const scrapeSearchSchema = z.object({
  url: z.string().max(SCRAPE_LIMITS.urlMaxLength).optional().catch(undefined),
  mode: scrapeModeSchema.optional().catch(undefined),
  formats: z.array(scrapeFormatSchema).optional().catch(undefined),
  sync: z.boolean().optional().catch(undefined),
  timeout: z.number().optional().catch(undefined),
  max_tier: tierSchema.optional().catch(undefined),
  max_credits: z.number().optional().catch(undefined),
  cache: z.boolean().optional().catch(undefined),
  cache_ttl: z.number().optional().catch(undefined),
  force_refresh: z.boolean().optional().catch(undefined),
  session_id: z.string().max(100).optional().catch(undefined),
  wait_for: z.string().max(1000).optional().catch(undefined),
  screenshot: z.boolean().optional().catch(undefined),
  include_raw_html: z.boolean().optional().catch(undefined),
});
