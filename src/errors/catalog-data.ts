import type { ErrorCode, MultiStatusCode, StatusOf } from '../../contract/error-codes';
import type { HttpStatusFacts } from '../../contract/http-statuses';
import { MAX_CONTENT_BYTES, SCRAPE_DEFAULTS, SCRAPE_LIMITS } from '../../contract/scrape-defaults';
import { SESSION_LIMIT } from '../../contract/session-limits';
import { FIX, type FixAction } from './catalog-fixes';

const MAX_MB = MAX_CONTENT_BYTES / 1024 / 1024;

/** What the catalog adds to the contract's facts: the words a person reads, and the fixes offered. */
export interface Guidance {
  title: string;
  whatHappened: string;
  whatToChange: string;
  fixes: readonly FixAction[];
}

/** One guidance per code, and one per status for a code the API answers with several (SESSION_EXPIRED). */
type CodeGuidance = { [C in ErrorCode]: C extends MultiStatusCode ? Record<StatusOf<C>, Guidance> : Guidance };

/**
 * The guidance for every code of contract/error-codes.ts, which holds their status, retry rule and refund policy.
 * A code added there without guidance here fails the type check.
 */
export const CODE_GUIDANCE = {
  BLOCKED_BY_ANTIBOT: {
    title: 'Blocked by anti-bot',
    whatHappened:
      'The target site recognised the scraper and blocked it; every tier up to max_tier was tried and all were blocked.',
    whatToChange:
      'Allow tier 4 (max_tier: "4"), which solves CAPTCHAs. If tier 4 is blocked too, contact support with the request id: the site has advanced protection.',
    fixes: [FIX.raiseMaxTier4],
  },
  CHALLENGE_DETECTED: {
    title: 'Bot challenge detected',
    whatHappened:
      'The site answered with a bot check (an anti-bot wall, reCAPTCHA or hCaptcha) instead of the page itself.',
    whatToChange:
      'Render JavaScript with mode: "js" so the check can run in a real browser, or raise max_tier ("4" also solves CAPTCHAs).',
    fixes: [FIX.useJsMode, FIX.raiseMaxTier4],
  },
  TIMEOUT: {
    title: 'Scrape timed out',
    whatHappened: `The target page did not finish within the request timeout (${SCRAPE_DEFAULTS.timeout} seconds unless set).`,
    whatToChange: `Raise timeout (up to ${SCRAPE_LIMITS.timeoutSeconds.max} seconds), or send the request with sync: false and poll the job, so a slow page does not hold the connection open.`,
    fixes: [FIX.raiseTimeout180, FIX.runAsync],
  },
  CONTENT_TOO_LARGE: {
    title: `Page larger than ${MAX_MB} MB`,
    whatHappened: `The page content is over the ${MAX_MB} MB limit, so none of it was returned.`,
    whatToChange:
      'Scrape a narrower URL (one article, one page of a list, the JSON endpoint the page loads) instead of the whole page; the same URL fails the same way again.',
    fixes: [],
  },
  UNSUPPORTED_CONTENT_TYPE: {
    title: 'Content type not supported by this mode',
    whatHappened: 'The URL returns a file the chosen mode cannot read, such as a PDF or an image in html mode.',
    whatToChange: 'Pick the mode that matches the file: mode "pdf" for PDFs, mode "ocr" for images.',
    fixes: [FIX.usePdfMode, FIX.useOcrMode],
  },
  EXTRACTION_FAILED: {
    title: 'Content could not be extracted',
    whatHappened:
      'The page was fetched but its content could not be parsed: it may be empty, binary, or written by JavaScript.',
    whatToChange:
      'Open the URL in a browser to check it returns real HTML or text. If scripts draw the content, use mode "js".',
    fixes: [FIX.useJsMode],
  },
  REQUIRES_AUTH: {
    title: 'Target page requires a login',
    whatHappened:
      'The target site showed a login wall. This is about the target site, not your API key, which was accepted.',
    whatToChange:
      'The page cannot be scraped without credentials: log in to the site in a browser, then scrape with a stored session of its cookies (session_id), or send the cookies with this one request.',
    fixes: [FIX.chooseSessionForDomain, FIX.addInlineCookies, FIX.createSessionForDomain],
  },
  PAYWALL_DETECTED: {
    title: 'Paywall on the target page',
    whatHappened:
      "The content is behind the target site's paywall. This is the site's subscription, not your AlterLab balance.",
    whatToChange:
      'Nothing in the request can change this: the content needs a paid subscription to that site and cannot be accessed by scraping.',
    fixes: [],
  },
  NETWORK_ERROR: {
    title: 'Could not reach the target site',
    whatHappened:
      'The scraper could not connect to the target site: the DNS lookup failed, the connection was refused, or TLS failed.',
    whatToChange:
      'Check that the URL is right and the site is online (open it in a browser), then retry after a pause.',
    fixes: [],
  },
  INVALID_API_KEY: {
    title: 'API key not valid',
    whatHappened: 'The X-API-Key sent is malformed, unknown or revoked, so the request was refused.',
    whatToChange:
      'Use a key that starts with sk_live_ or sk_test_ and is active in the dashboard; create a new one if it was revoked.',
    fixes: [FIX.openSettings],
  },
  MISSING_API_KEY: {
    title: 'No API key sent',
    whatHappened: 'The request carried no X-API-Key header, so the API could not tell whose request it was.',
    whatToChange: 'Send the key in the X-API-Key header; the dashboard does this once a key is saved in Settings.',
    fixes: [FIX.openSettings],
  },
  SESSION_EXPIRED: {
    // The dashboard login, not a stored scraping session.
    401: {
      title: 'Dashboard login expired',
      whatHappened:
        'Your dashboard login token (Authorization: Bearer) has expired. This is the dashboard login, not a stored scraping session (that is SESSION_EXPIRED with 410).',
      whatToChange: 'Log in again to get a fresh token; the API key itself is unaffected.',
      fixes: [FIX.logInAgain],
    },
    // A stored scraping session for a target site.
    410: {
      title: "Stored session's cookies expired",
      whatHappened:
        'The cookies of the stored session have expired, or the session was marked expired after repeated failed validations. This is a scraping session for a target site, not your dashboard login.',
      whatToChange:
        'Log in to the target site again, copy the fresh cookies, and refresh the session (POST /sessions/{id}/refresh).',
      fixes: [FIX.refreshSessionCookies],
    },
  },
  SESSION_NOT_FOUND: {
    title: 'Stored session not found',
    whatHappened: 'The session_id does not exist, is mistyped, or belongs to another account.',
    whatToChange: 'Pick a session from your list (GET /sessions), or scrape without session_id.',
    fixes: [FIX.openSessions, FIX.dropSessionId],
  },
  SESSION_DOMAIN_MISMATCH: {
    title: 'Session is for another domain',
    whatHappened:
      "The URL's domain differs from the stored session's domain: an amazon.com session cannot scrape walmart.com.",
    whatToChange: "Use a session created for this URL's domain, or create one: one session per target domain.",
    fixes: [FIX.chooseSessionForDomain, FIX.createSessionForDomain, FIX.dropSessionId],
  },
  SESSION_INACTIVE: {
    title: 'Stored session deleted or disabled',
    whatHappened: 'The session was deleted or disabled and cannot be used again.',
    whatToChange: 'Create a new session with fresh cookies and scrape with its id.',
    fixes: [FIX.createSessionForDomain, FIX.dropSessionId],
  },
  SESSION_LIMIT_REACHED: {
    title: `Session limit reached (${SESSION_LIMIT})`,
    whatHappened: `The account already has ${SESSION_LIMIT} stored sessions, the most allowed. Despite the 429 this is not a rate limit: it does not clear with time, so waiting and retrying gets the same answer until sessions are deleted.`,
    whatToChange:
      'Delete sessions you no longer use; GET /sessions?status=expired lists candidates. Deleted sessions do not count.',
    fixes: [FIX.cleanUpSessions],
  },
  SESSION_COOKIES_CONFLICT: {
    title: 'Both session_id and cookies sent',
    whatHappened: 'The request sent a stored session (session_id) and inline cookies; the two cannot be combined.',
    whatToChange: 'Send only one: session_id for a stored session, or cookies for one-off use.',
    fixes: [FIX.dropCookies, FIX.dropSessionId],
  },
  INSUFFICIENT_CREDITS: {
    title: 'Not enough credits',
    whatHappened:
      'The balance is below the estimated cost of this request (details: required_credits, available_credits). Nothing was charged.',
    whatToChange:
      'Check the balance (GET /api/v1/usage) and upgrade the plan or add funds; a lower max_tier also costs less.',
    fixes: [FIX.openUsage],
  },
  EXCEEDS_COST_LIMIT: {
    title: 'Estimated cost above max_credits',
    whatHappened: 'The estimated cost is above the max_credits cap set on the request, so nothing was charged.',
    whatToChange: 'Raise or remove max_credits, or use a simpler scraping mode that costs less.',
    fixes: [FIX.dropMaxCredits, FIX.useHtmlMode],
  },
  SUBSCRIPTION_INACTIVE: {
    title: 'Subscription inactive',
    whatHappened: 'The subscription was cancelled or its payment failed, so requests are refused. Nothing was charged.',
    whatToChange: 'Check the billing status in the dashboard and update the payment method if needed.',
    fixes: [FIX.openUsage],
  },
  RATE_LIMIT_EXCEEDED: {
    title: 'Rate limit exceeded',
    whatHappened:
      "More requests than the plan allows per minute, or per second in a burst; the dashboard's own calls count too. Rate-limited requests are not refunded.",
    whatToChange:
      'Wait until Retry-After (or X-RateLimit-Reset) and send again; spread requests out, or move to a plan with a higher limit.',
    fixes: [FIX.openRateLimits],
  },
  NOT_FOUND: {
    title: 'Not found',
    whatHappened:
      'The job, webhook or route asked for does not exist, belongs to another API key, or is a job whose results have expired.',
    whatToChange: "Check the id or the path; another key's jobs and webhooks are not visible to this one.",
    fixes: [],
  },
  INVALID_REQUEST: {
    title: 'Invalid request',
    whatHappened: 'A field failed its check or the JSON was malformed; details.field or details.issues say which.',
    whatToChange: 'Correct the named field and send again; the same request fails the same way.',
    fixes: [],
  },
  INTERNAL_ERROR: {
    title: 'API server error',
    whatHappened: 'Something broke inside the API; the request itself was fine. Any credits charged were refunded.',
    whatToChange: 'Nothing to change: retry with backoff. If it keeps failing, contact support with the request id.',
    fixes: [],
  },
  BAD_GATEWAY: {
    title: 'Upstream or worker queue error',
    whatHappened:
      'The API could not get an answer from an upstream service or its worker queue. Credits were refunded.',
    whatToChange: 'Nothing to change: retry with backoff. If it keeps failing, contact support with the request id.',
    fixes: [],
  },
  SERVICE_UNAVAILABLE: {
    title: 'API temporarily unavailable',
    whatHappened: 'The API is overloaded or under maintenance for a moment. Credits were refunded.',
    whatToChange: 'Nothing to change: retry with backoff. If it keeps failing, contact support with the request id.',
    fixes: [],
  },
  GATEWAY_TIMEOUT: {
    title: 'API gateway timed out',
    whatHappened:
      'The API gave up waiting for one of its own services. This is the API side, not the target page being slow (that is TIMEOUT).',
    whatToChange: 'Nothing to change: retry with backoff. If it keeps failing, contact support with the request id.',
    fixes: [],
  },
  WEBHOOK_ALREADY_EXISTS: {
    title: 'Webhook URL already registered',
    whatHappened: 'A webhook with this URL already exists on this account.',
    whatToChange: 'Edit the existing webhook instead (PUT /user-webhooks/{id}), or register another URL.',
    fixes: [FIX.openWebhooks],
  },
  PAYLOAD_TOO_LARGE: {
    title: 'Request body too large',
    whatHappened:
      "The body of the request itself is over the API's limit, so it was refused before it was read. Nothing was charged.",
    whatToChange:
      'Send a smaller body: a scrape request is a few fields and a URL. The same request fails the same way again.',
    fixes: [],
  },
  UNSUPPORTED_MEDIA_TYPE: {
    title: 'Request body is not JSON',
    whatHappened:
      'The request body was sent with a Content-Type the API does not read, so it was refused before it was read. Nothing was charged.',
    whatToChange: 'Send the body as JSON with the header Content-Type: application/json.',
    fixes: [],
  },
  NETWORK_UNREACHABLE: {
    title: 'Could not reach the API',
    whatHappened:
      'The browser got no HTTP answer at all: the API is down, the base URL is wrong, the network is offline, or the call was blocked (CORS). The request may or may not have arrived.',
    whatToChange: 'Check the API base URL in Settings and the network connection, then try again.',
    fixes: [FIX.checkBaseUrl],
  },
} satisfies CodeGuidance;

/** The guidance of each status of the seed's status table, for a code the catalog does not know. */
export const STATUS_GUIDANCE = {
  200: {
    title: 'Succeeded',
    whatHappened: 'The request succeeded; a synchronous scrape returns the content.',
    whatToChange: 'Nothing.',
    fixes: [],
  },
  202: {
    title: 'Job queued',
    whatHappened: 'The request was accepted as a background job.',
    whatToChange: 'Poll GET /jobs/{job_id} until it succeeds or fails, or wait for the job.completed webhook.',
    fixes: [],
  },
  204: {
    title: 'Deleted',
    whatHappened: 'The deletion succeeded; there is no response body.',
    whatToChange: 'Nothing.',
    fixes: [],
  },
  400: {
    title: 'Bad request',
    whatHappened: 'The request parameters are invalid or the JSON is malformed.',
    whatToChange: 'Fix the request as the message says; sending it again unchanged fails again.',
    fixes: [],
  },
  401: {
    title: 'Not authenticated',
    whatHappened: 'The API key or login token is missing, invalid or expired.',
    whatToChange: 'Check the API key in Settings, or log in again.',
    fixes: [FIX.openSettings],
  },
  402: {
    title: 'Payment required',
    whatHappened:
      'Either the balance or subscription does not cover the request, or the target page is behind a paywall; the error code tells which.',
    whatToChange: 'Check the balance and subscription; a paywalled page cannot be scraped.',
    fixes: [FIX.openUsage],
  },
  403: {
    title: 'Access denied by the target site',
    whatHappened: 'The target site refused access, or an anti-bot system blocked the scraper.',
    whatToChange: 'Try a higher max_tier ("4" solves CAPTCHAs) or JavaScript rendering (mode: "js").',
    fixes: [FIX.raiseMaxTier4, FIX.useJsMode],
  },
  404: {
    title: 'Not found',
    whatHappened: 'The job, webhook, session or route does not exist, or belongs to another API key.',
    whatToChange: 'Check the id or the path.',
    fixes: [],
  },
  409: {
    title: 'Already exists',
    whatHappened: 'The resource already exists, such as a webhook with the same URL.',
    whatToChange: 'Use or edit the existing resource, or change the value that must be unique.',
    fixes: [],
  },
  413: {
    title: 'Content too large',
    whatHappened: `The content is over the ${MAX_MB} MB size limit.`,
    whatToChange: 'Scrape a narrower URL; the same URL fails the same way again.',
    fixes: [],
  },
  415: {
    title: 'Content type not supported',
    whatHappened: "The URL's content type is not supported by the requested mode.",
    whatToChange: 'Use mode "pdf" for PDFs and mode "ocr" for images.',
    fixes: [FIX.usePdfMode, FIX.useOcrMode],
  },
  422: {
    title: 'Scrape failed',
    whatHappened: 'All scraping tiers failed, or the content was fetched but could not be extracted.',
    whatToChange: 'Try other settings: JavaScript rendering, or a higher max_tier.',
    fixes: [FIX.useJsMode, FIX.raiseMaxTier4],
  },
  429: {
    title: 'Too many requests',
    whatHappened: 'A rate limit was exceeded.',
    whatToChange: 'Wait until Retry-After (or X-RateLimit-Reset) and send again.',
    fixes: [FIX.openRateLimits],
  },
  500: {
    title: 'Server error',
    whatHappened: 'An unexpected error inside the API. Any credits charged were refunded.',
    whatToChange: 'Nothing to change: retry with backoff. If it keeps failing, contact support with the request id.',
    fixes: [],
  },
  502: {
    title: 'Bad gateway',
    whatHappened: 'An upstream service or the worker queue failed. Any credits charged were refunded.',
    whatToChange: 'Nothing to change: retry with backoff. If it keeps failing, contact support with the request id.',
    fixes: [],
  },
  503: {
    title: 'Service unavailable',
    whatHappened: 'The API is temporarily unavailable, or the target site is down. Any credits charged were refunded.',
    whatToChange: 'Retry with backoff; if the target site is down, check it in a browser.',
    fixes: [],
  },
  504: {
    title: 'Gateway timeout',
    whatHappened: 'The request timed out waiting for a response. Any credits charged were refunded.',
    whatToChange: 'Retry with backoff; for slow pages raise timeout or run the scrape as a background job.',
    fixes: [FIX.raiseTimeout180, FIX.runAsync],
  },
} satisfies Record<HttpStatusFacts['status'], Guidance>;
