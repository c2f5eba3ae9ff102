import { z } from 'zod';
import { cookieJarSchema } from './cookies';
import { domainCovers, normaliseSessionDomain, urlHost } from './session-domain';
import { SESSION_LIMIT } from './session-limits';

/** `invalid` is what the public API calls a deleted or disabled session (api-facts §2.3); it answers SESSION_INACTIVE. */
export const sessionStatusSchema = z.enum(['active', 'expired', 'invalid']);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;
export const expiryStatusSchema = z.enum(['valid', 'expiring_soon', 'expired']).nullable();

/** Headers that describe the connection or the body, not the user: the scraper sets them, a session cannot. */
const CONNECTION_HEADERS =
  /^(host|content-length|transfer-encoding|connection|keep-alive|upgrade|te|trailer|proxy-.*)$/i;
const headerJarSchema = z.record(
  z
    .string()
    .regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, 'A header name is an HTTP token')
    .refine((name) => !CONNECTION_HEADERS.test(name), 'The scraper sets this header itself'),
  z.string().regex(/^[^\r\n\0]*$/, 'A header value cannot hold line breaks or NUL'),
);

const nameSchema = z.string().trim().min(1, 'Give the session a name').max(100, 'At most 100 characters');
const notesSchema = z.string().max(1000, 'At most 1,000 characters');
/** A bare host or a URL; the server keeps the host alone (rules in session-domain.ts). */
const domainSchema = z
  .string()
  .trim()
  .min(1, 'Enter the site the cookies belong to')
  .max(253)
  .refine((value) => normaliseSessionDomain(value) !== null, 'Enter a host like example.com, or a URL on it');
/**
 * The page validation fetches to tell "still logged in" from a login wall (ours). Default: the URL given as the
 * domain, if a full one was, else https://<domain>/. Its host must be the session's domain or a subdomain of it.
 */
const checkUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => /^https?:\/\//i.test(value) && urlHost(value) !== null, 'Enter a full http:// or https:// URL');
/** A time without an offset (n8n's dateTime fields send one) is read as UTC, the time every API answer is in. */
const expiresAtSchema = z.iso
  .datetime({ offset: true, local: true })
  .transform((time) => (/(?:Z|[+-]\d{2}:?\d{2})$/i.test(time) ? time : `${time}Z`))
  .nullable();

const sessionFieldsSchema = z.object({
  name: nameSchema,
  domain: domainSchema,
  cookies: cookieJarSchema.refine((jar) => Object.keys(jar).length > 0, 'Add at least one cookie'),
  headers: headerJarSchema.optional(),
  expires_at: expiresAtSchema.optional(),
  notes: notesSchema.nullable().optional(),
  check_url: checkUrlSchema.optional(),
  /** The MCP server's field: kept as the User-Agent header unless `headers` has one. */
  user_agent: z
    .string()
    .regex(/^[^\r\n\0]*$/)
    .max(1000)
    .optional(),
});

export const createSessionSchema = sessionFieldsSchema.superRefine((session, ctx) => {
  const domain = normaliseSessionDomain(session.domain)?.domain;
  const host = session.check_url && urlHost(session.check_url);
  if (domain && host && !domainCovers(domain, host)) {
    ctx.addIssue({ code: 'custom', path: ['check_url'], message: `The check URL must be on ${domain}` });
  }
});
export type CreateSession = z.input<typeof createSessionSchema>;

/** Cookies and headers, when given, replace the whole set. */
export const updateSessionSchema = sessionFieldsSchema.omit({ domain: true, user_agent: true }).partial();
/** Back to active with the failure count reset; new cookies or headers replace the old ones. */
export const refreshSessionSchema = z.object({
  cookies: cookieJarSchema.refine((jar) => Object.keys(jar).length > 0, 'Add at least one cookie').optional(),
  headers: headerJarSchema.optional(),
  expires_at: expiresAtSchema.optional(),
});

export const sessionListQuerySchema = z.object({
  status: z.enum(['active', 'expired', 'invalid', 'inactive']).optional(),
  /** The sessions a URL on this host could use: its domain or a parent domain of it. */
  domain: z
    .string()
    .trim()
    .max(253)
    .refine((value) => value === '' || normaliseSessionDomain(value) !== null, 'Enter a host like example.com')
    .optional(),
});

/** A stored session as every endpoint answers it: names of cookies and headers, never their values. */
export const sessionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string(),
  check_url: z.string(),
  cookie_names: z.array(z.string()),
  cookie_count: z.number().int().nonnegative(),
  header_names: z.array(z.string()),
  status: sessionStatusSchema,
  expires_at: z.iso.datetime().nullable(),
  expiry_status: expiryStatusSchema,
  last_validated_at: z.iso.datetime().nullable(),
  /** The verdict of the last validation (ours), kept through a refresh. */
  last_validation_result: z.enum(['valid', 'invalid']).nullable(),
  validation_confidence: z.number().min(0).max(1).nullable(),
  consecutive_failures: z.number().int().nonnegative(),
  last_used_at: z.iso.datetime().nullable(),
  total_requests: z.number().int().nonnegative(),
  successful_requests: z.number().int().nonnegative(),
  success_rate: z.number().min(0).max(1),
  notes: z.string().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionListSchema = z.object({
  sessions: z.array(sessionSchema),
  total: z.number().int(),
  /** Ours, like `in_use`: the public API answers only `sessions` and `total`, so both have a fallback. */
  limit: z.number().int().default(SESSION_LIMIT),
  /** Sessions that count toward `limit` (active and expired; deleted ones do not), whatever the filter. */
  in_use: z.number().int().optional(),
});

/** What validation saw: the verdict, and why (N8N reads these fields; `valid` and `reason` are the MCP server's). */
export const sessionValidationSchema = z.object({
  is_valid: z.boolean(),
  valid: z.boolean(),
  http_status: z.number().int().nullable(),
  checked_at: z.iso.datetime(),
  /** How sure the verdict is, 0–1: a login wall or a members page is clear, a blocked or failed fetch is not. */
  confidence: z.number().min(0).max(1),
  consecutive_failures: z.number().int().nonnegative(),
  reason: z.string(),
  detected_user: z.string().nullable(),
  cookies_expiring_soon: z.boolean(),
  details: z.object({
    url: z.string(),
    /** `logged_in`, `login_wall`, or what else stood in the way, as the scrape code in lower case. */
    verdict: z.string(),
    title: z.string().nullable(),
    tier: z.string().nullable(),
  }),
  session: sessionSchema,
});
export type SessionValidation = z.infer<typeof sessionValidationSchema>;
