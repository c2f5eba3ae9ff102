// Plain data, no schemas: the first load reads these facts and carries no zod (a schema that needs one of these lists
// builds its enum where it is).

/**
 * How a failure may be retried, from the seed's "Retry?" column: 'never' (No), 'after-reset' (Yes, after delay),
 * 'backoff' (Yes), 'maybe' (offered as a fix, never automatic), 'not-applicable' (a success).
 */
export type RetryRule = 'never' | 'after-reset' | 'backoff' | 'maybe' | 'not-applicable';

/**
 * What the seed's refund policy says about the credits of a failed request. 'not-charged' failures are refused
 * before anything is reserved; 'not-applicable' means no scrape credits are at stake, or the status alone cannot
 * tell (so no mismatch can be claimed).
 */
export const REFUND_POLICIES = ['refunded', 'not-refunded', 'not-charged', 'not-applicable'] as const;
export type RefundPolicy = (typeof REFUND_POLICIES)[number];

export type ErrorCategory =
  'auth' | 'rate-limit' | 'billing' | 'scraping' | 'session' | 'request' | 'server' | 'webhook' | 'success';

/** 'seed': the AlterLab error-code reference; 'ours': added by our contract (or, at status 0, by the dashboard). */
export type FactSource = 'seed' | 'ours';

interface CodeFacts {
  code: string;
  /** 0 is the dashboard's status for "no HTTP answer at all"; no server sends it. */
  status: number;
  category: ErrorCategory;
  retry: RetryRule;
  refund: RefundPolicy;
  source: FactSource;
}

/**
 * Every error code the API answers (and the dashboard's own NETWORK_UNREACHABLE), with the facts the seed gives:
 * status, retry rule and refund policy. SESSION_EXPIRED is listed twice, as the seed does: 401 is the dashboard
 * login, 410 a stored scraping session. tests/contract/error-codes-match-seed.test.ts reads the seed and checks it.
 */
export const ERROR_CODES = [
  // Scraping errors (seed): all refunded.
  { code: 'BLOCKED_BY_ANTIBOT', status: 403, category: 'scraping', retry: 'maybe', refund: 'refunded', source: 'seed' },
  { code: 'CHALLENGE_DETECTED', status: 403, category: 'scraping', retry: 'maybe', refund: 'refunded', source: 'seed' },
  { code: 'TIMEOUT', status: 504, category: 'scraping', retry: 'backoff', refund: 'refunded', source: 'seed' },
  { code: 'CONTENT_TOO_LARGE', status: 413, category: 'scraping', retry: 'never', refund: 'refunded', source: 'seed' },
  {
    code: 'UNSUPPORTED_CONTENT_TYPE',
    status: 415,
    category: 'scraping',
    retry: 'never',
    refund: 'refunded',
    source: 'seed',
  },
  { code: 'EXTRACTION_FAILED', status: 422, category: 'scraping', retry: 'maybe', refund: 'refunded', source: 'seed' },
  { code: 'REQUIRES_AUTH', status: 401, category: 'scraping', retry: 'never', refund: 'refunded', source: 'seed' },
  { code: 'PAYWALL_DETECTED', status: 402, category: 'scraping', retry: 'never', refund: 'refunded', source: 'seed' },
  { code: 'NETWORK_ERROR', status: 503, category: 'scraping', retry: 'backoff', refund: 'refunded', source: 'seed' },
  // Authentication errors (seed).
  { code: 'INVALID_API_KEY', status: 401, category: 'auth', retry: 'never', refund: 'not-refunded', source: 'seed' },
  { code: 'MISSING_API_KEY', status: 401, category: 'auth', retry: 'never', refund: 'not-refunded', source: 'seed' },
  { code: 'SESSION_EXPIRED', status: 401, category: 'auth', retry: 'never', refund: 'not-applicable', source: 'seed' },
  // Stored-session errors (seed).
  {
    code: 'SESSION_NOT_FOUND',
    status: 404,
    category: 'session',
    retry: 'never',
    refund: 'not-applicable',
    source: 'seed',
  },
  // An expired session stays expired until its cookies are refreshed: waiting changes nothing.
  {
    code: 'SESSION_EXPIRED',
    status: 410,
    category: 'session',
    retry: 'never',
    refund: 'not-applicable',
    source: 'seed',
  },
  {
    code: 'SESSION_DOMAIN_MISMATCH',
    status: 400,
    category: 'session',
    retry: 'never',
    refund: 'not-refunded',
    source: 'seed',
  },
  {
    code: 'SESSION_INACTIVE',
    status: 410,
    category: 'session',
    retry: 'never',
    refund: 'not-applicable',
    source: 'seed',
  },
  // A count limit, not a time window: the seed's 429 "retry after delay" would wait for nothing.
  {
    code: 'SESSION_LIMIT_REACHED',
    status: 429,
    category: 'session',
    retry: 'never',
    refund: 'not-applicable',
    source: 'seed',
  },
  {
    code: 'SESSION_COOKIES_CONFLICT',
    status: 400,
    category: 'session',
    retry: 'never',
    refund: 'not-refunded',
    source: 'seed',
  },
  // Billing errors (seed): refused before anything is charged.
  {
    code: 'INSUFFICIENT_CREDITS',
    status: 402,
    category: 'billing',
    retry: 'never',
    refund: 'not-charged',
    source: 'seed',
  },
  {
    code: 'EXCEEDS_COST_LIMIT',
    status: 400,
    category: 'billing',
    retry: 'never',
    refund: 'not-charged',
    source: 'seed',
  },
  {
    code: 'SUBSCRIPTION_INACTIVE',
    status: 402,
    category: 'billing',
    retry: 'never',
    refund: 'not-charged',
    source: 'seed',
  },
  // Rate limit errors (seed).
  {
    code: 'RATE_LIMIT_EXCEEDED',
    status: 429,
    category: 'rate-limit',
    retry: 'after-reset',
    refund: 'not-refunded',
    source: 'seed',
  },
  // Codes our contract adds.
  { code: 'NOT_FOUND', status: 404, category: 'request', retry: 'never', refund: 'not-applicable', source: 'ours' },
  { code: 'INVALID_REQUEST', status: 400, category: 'request', retry: 'never', refund: 'not-refunded', source: 'ours' },
  { code: 'INTERNAL_ERROR', status: 500, category: 'server', retry: 'backoff', refund: 'refunded', source: 'ours' },
  { code: 'BAD_GATEWAY', status: 502, category: 'server', retry: 'backoff', refund: 'refunded', source: 'ours' },
  {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    category: 'server',
    retry: 'backoff',
    refund: 'refunded',
    source: 'ours',
  },
  { code: 'GATEWAY_TIMEOUT', status: 504, category: 'server', retry: 'backoff', refund: 'refunded', source: 'ours' },
  {
    code: 'WEBHOOK_ALREADY_EXISTS',
    status: 409,
    category: 'webhook',
    retry: 'never',
    refund: 'not-applicable',
    source: 'ours',
  },
  // The request itself refused before it is read: the seed's CONTENT_TOO_LARGE and UNSUPPORTED_CONTENT_TYPE are
  // about a scraped page (and refunded), so the request body's own limits need codes of their own.
  {
    code: 'PAYLOAD_TOO_LARGE',
    status: 413,
    category: 'request',
    retry: 'never',
    refund: 'not-applicable',
    source: 'ours',
  },
  {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    status: 415,
    category: 'request',
    retry: 'never',
    refund: 'not-applicable',
    source: 'ours',
  },
  // The dashboard's own: the API could not be reached at all. The seed's sample client retries that with backoff.
  {
    code: 'NETWORK_UNREACHABLE',
    status: 0,
    category: 'server',
    retry: 'backoff',
    refund: 'not-applicable',
    source: 'ours',
  },
] as const satisfies readonly CodeFacts[];

export type ErrorCodeFacts = (typeof ERROR_CODES)[number];
export type ErrorCode = ErrorCodeFacts['code'];
/** The statuses a code is answered with; two for SESSION_EXPIRED. */
export type StatusOf<C extends ErrorCode> = Extract<ErrorCodeFacts, { code: C }>['status'];
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
/** Codes answered with more than one status (SESSION_EXPIRED): whoever raises one must say which. */
export type MultiStatusCode = { [C in ErrorCode]: true extends IsUnion<StatusOf<C>> ? C : never }[ErrorCode];

/** What picks one row of a code listed more than once (SESSION_EXPIRED, once per category). */
interface RowOf {
  status?: number;
  /** What the failure is known to be about, when no status came with it. */
  category?: ErrorCategory;
}

/**
 * The row of a code as anyone wrote it (a pasted body, a typed search: any case, stray spaces), or undefined for a
 * code the contract does not list. Of a code with several rows: the one at `status`, else the one of `category`, else
 * its first listed (SESSION_EXPIRED's 401: the dashboard's login).
 */
export function findFacts(code: string, { status, category }: RowOf = {}): ErrorCodeFacts | undefined {
  const wanted = code.trim().toUpperCase();
  const rows = ERROR_CODES.filter((facts) => facts.code === wanted);
  return rows.find((facts) => facts.status === status) ?? rows.find((facts) => facts.category === category) ?? rows[0];
}

/** The facts of a code the server raises, at `status`; with no status (or one the code is not known at), its first row. */
export function factsOf(code: ErrorCode, status?: number): ErrorCodeFacts {
  const row = findFacts(code, { status });
  if (!row) throw new Error(`No facts for ${code}`);
  return row;
}

/** A code of the given category: the server's scraping failures, for instance. */
export type CodeOfCategory<K extends ErrorCategory> = Extract<ErrorCodeFacts, { category: K }>['code'];
