import { z } from 'zod';
import { requestLogQuerySchema, type RequestLogQuery } from '../../../../contract/request-log';

/** Whose calls the log shows: absent from the URL means the user's own, the view support staff want first. */
export const ORIGIN_VIEWS = ['user', 'dashboard', 'all'] as const;
export type OriginView = (typeof ORIGIN_VIEWS)[number];

const field = requestLogQuerySchema.shape;

// The router reads `?q=123` as a number; a search text is text.
const asText = (value: unknown) => (typeof value === 'number' ? String(value) : value);

/** An instant with its offset, or a day (read as its start, UTC), so links may name whole days. */
const instantText = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/**
 * /triage/log?code=…&status=…&method=…&path=…&domain=…&session=…&since=…&until=…&origin=…&q=…: every filter of
 * GET /requests lives in the URL so a view can be shared; each is checked by the contract's own field schema, and a
 * bad value is dropped, not an error.
 */
export const requestLogSearchSchema = z.object({
  code: field.code.catch(undefined),
  status: field.status.catch(undefined),
  method: field.method.catch(undefined),
  path: field.path.catch(undefined),
  domain: field.domain.catch(undefined),
  session: z.preprocess(asText, field.session).catch(undefined),
  since: instantText.optional().catch(undefined),
  until: instantText.optional().catch(undefined),
  origin: z.enum(['dashboard', 'all']).optional().catch(undefined),
  q: z.preprocess(asText, field.q).catch(undefined),
});
export type RequestLogSearch = z.output<typeof requestLogSearchSchema>;

/** The filters a user can set; `origin` has its own toggle. */
export type FilterName = Exclude<keyof RequestLogSearch, 'origin'>;

export const originView = (search: RequestLogSearch): OriginView => search.origin ?? 'user';

const toInstant = (text: string) => (text.length === 10 ? `${text}T00:00:00Z` : text);

/** What the URL asks GET /requests for (the page size and cursor are the table's). */
export function toLogQuery(search: RequestLogSearch): Omit<RequestLogQuery, 'cursor' | 'limit'> {
  const view = originView(search);
  const query: Omit<RequestLogQuery, 'cursor' | 'limit'> = {
    code: search.code,
    status: search.status,
    method: search.method,
    path: search.path,
    domain: search.domain,
    session: search.session,
    since: search.since && toInstant(search.since),
    until: search.until && toInstant(search.until),
    origin: view === 'all' ? undefined : view,
    q: search.q,
  };
  // Only the filters set, so equal views share one cache entry whatever order the URL named them in.
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}
