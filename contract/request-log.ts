import { z } from 'zod';
import { groupDigits } from './digits';

/** Who made a call: the dashboard marks the calls it makes by itself (HEADER.dashboardCall); everything else is the user's. */
const REQUEST_ORIGINS = ['user', 'dashboard'] as const;
export const requestOriginSchema = z.enum(REQUEST_ORIGINS);
export type RequestOrigin = z.infer<typeof requestOriginSchema>;
/** The value of HEADER.dashboardCall on the calls the dashboard makes by itself: the log records them as 'dashboard'. */
export const DASHBOARD_CALL = 'background';

/** The methods a call can be logged with. */
const REQUEST_LOG_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * The most log rows one page reads when the filters go beyond origin and one other (or `q` searches URLs): the page
 * then stops there and its `next_cursor` continues from the last row read, so no call walks a whole history.
 */
export const REQUEST_LOG_SCAN_LIMIT = 5000;

/** One call made with a key, as support staff search it (ours). */
export const requestLogEntrySchema = z.object({
  request_id: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  code: z.string().nullable(),
  duration_ms: z.number().nonnegative(),
  at: z.iso.datetime(),
  credits_charged: z.number().nonnegative(),
  credits_refunded: z.number().nonnegative(),
  tier: z.string().nullable(),
  url: z.string().nullable(),
  /** The target URL's host, lower case. */
  domain: z.string().nullable(),
  /** The stored session the request used (a scrape's or a validation's), if any. */
  session_id: z.string().nullable(),
  origin: requestOriginSchema,
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;

/** Where a page ended: the (time, id) of its last row, newest first, so paging is stable while new calls arrive. */
export interface RequestLogCursor {
  at: number;
  id: string;
}

// btoa/atob rather than Buffer: the contract also runs in the browser. Ids are ASCII.
const toBase64Url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function fromBase64Url(text: string): string | null {
  try {
    return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
}

export const encodeRequestLogCursor = (cursor: RequestLogCursor) => toBase64Url(`${cursor.at}:${cursor.id}`);

const cursorSchema = z
  .string()
  .max(400)
  .transform((value, context): RequestLogCursor => {
    const [at, id] = fromBase64Url(value)?.split(/:(.*)/s) ?? [];
    if (/^\d{1,15}$/.test(at ?? '') && id) return { at: Number(at), id };
    context.addIssue({ code: 'custom', message: 'Not a cursor this API gave: pass next_cursor as it came' });
    return z.NEVER;
  });

const instant = z.iso.datetime({ offset: true }).transform((value) => Date.parse(value));

// Said in words a user can act on: the filter form shows these at its fields, the API in its 400.
const STATUS_SAYS = 'An HTTP status is a number from 100 to 599';
const SEARCH_MAX = 2048;
const SEARCH_SAYS = `Search text is at most ${groupDigits(SEARCH_MAX)} characters`;

export const requestLogQuerySchema = z
  .object({
    code: z
      .string()
      .regex(/^[A-Z_]+$/, 'An error code is upper case, like TIMEOUT')
      .optional(),
    status: z.coerce
      .number({ error: STATUS_SAYS })
      .int(STATUS_SAYS)
      .min(100, STATUS_SAYS)
      .max(599, STATUS_SAYS)
      .optional(),
    method: z.string().toUpperCase().pipe(z.enum(REQUEST_LOG_METHODS)).optional(),
    /** The path as the log shows it, without the query: /api/v1/scrape. */
    path: z
      .string()
      .regex(/^\/\S{0,2047}$/, 'A path starts with / and has no spaces, like /api/v1/scrape')
      .optional(),
    /** From this instant (included). */
    since: instant.optional(),
    /** Up to this instant (excluded), so one day is since=<day>T00:00:00Z&until=<next day>T00:00:00Z. */
    until: instant.optional(),
    /** The target URL's host, as `domain` shows it. */
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._~%!$&'()*+,;=:[\]-]{1,253}$/, 'A host name alone, like example.com')
      .optional(),
    /** Only the requests that used this stored session. */
    session: z.string().min(1).max(100).optional(),
    /** user: the user's own calls; dashboard: the dashboard's background calls; absent: both. */
    origin: requestOriginSchema.optional(),
    /** A request id (that one request), or text found in the target URL (any case). */
    q: z.string().trim().min(1).max(SEARCH_MAX, SEARCH_SAYS).optional(),
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((query) => query.since === undefined || query.until === undefined || query.since < query.until, {
    path: ['until'],
    message: 'until must be later than since',
  });
export type RequestLogFilter = z.output<typeof requestLogQuerySchema>;
/** The query as a client sends it: instants and the cursor as the strings they travel as. */
export type RequestLogQuery = Partial<
  Omit<RequestLogFilter, 'since' | 'until' | 'cursor'> & { since: string; until: string; cursor: string }
>;

export const requestLogPageSchema = z.object({
  requests: z.array(requestLogEntrySchema),
  /** More to read: pass it as `cursor`. A page can hold fewer than `limit` entries, even none, and still have one. */
  next_cursor: z.string().nullable(),
});
export type RequestLogPage = z.infer<typeof requestLogPageSchema>;
