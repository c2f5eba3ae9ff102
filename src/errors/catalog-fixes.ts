import type { LinkOptions, RegisteredRouter } from '@tanstack/react-router';
import type { ScrapeRequest } from '../../contract/scrape';
import { urlHost } from '../../contract/session-domain';

/** Every page the router knows that takes no path parameters: a fix link can only open one of these. */
export type AppPath = Exclude<Extract<NonNullable<LinkOptions['to']>, `/${string}`>, `${string}$${string}`>;

/** Refuses, at compile time, a page that has a route by now: it then belongs in AppPath, off the planned list. */
const unbuilt = <const P extends readonly string[]>(
  pages: P & { readonly [K in keyof P]: P[K] extends AppPath ? never : P[K] },
) => pages;

/**
 * Pages of DESIGN.md the guidance already points to but that are not built yet. The card leaves their links out
 * (a link to "Page not found" helps no one) and the error reference still lists the fix.
 */
const PLANNED_PAGES = unbuilt([]);
type PlannedPage = (typeof PLANNED_PAGES)[number];

export const isBuiltPage = (to: AppPath | PlannedPage): to is AppPath =>
  !(PLANNED_PAGES as readonly string[]).includes(to);

/** What a fix link may take from the failed request: the stored session it used, the URL it asked for. */
export interface FixContext {
  sessionId?: string | undefined;
  url?: string | undefined;
}

/** The search /sessions takes (a form to open, a filter), as its route's schema says. */
type SessionsSearch = RegisteredRouter['routesByPath']['/sessions']['types']['searchSchemaInput'];

/**
 * A change the scrape page can apply to the request before running it again, a session to pick in its form, or
 * a page to open (with what it needs of the failed request in its search).
 */
export type FixAction =
  | { kind: 'patch-request'; id: string; label: string; set?: Partial<ScrapeRequest>; drop?: (keyof ScrapeRequest)[] }
  | { kind: 'choose-session'; id: string; label: string }
  | { kind: 'add-cookies'; id: string; label: string }
  | { kind: 'link'; id: string; label: string; to: AppPath | PlannedPage }
  | { kind: 'link'; id: string; label: string; to: '/sessions'; search: (context: FixContext) => SessionsSearch };

const hostOf = (context: FixContext) => (context.url ? (urlHost(context.url) ?? undefined) : undefined);

/**
 * The fix actions the catalog offers, each defined once so that one id always means one change. The scrape
 * page applies 'patch-request' fixes to the request and runs it again, answers 'choose-session' by choosing an
 * active stored session of the URL's domain and running again (its session picker when there is none) and
 * 'add-cookies' with an empty cookie row to fill in; 'link' fixes open a page.
 */
export const FIX = {
  raiseMaxTier4: {
    kind: 'patch-request',
    id: 'raise-max-tier-4',
    label: 'Allow tier 4 (CAPTCHA solving)',
    set: { max_tier: '4' },
  },
  useJsMode: { kind: 'patch-request', id: 'use-js-mode', label: 'Render JavaScript (mode: js)', set: { mode: 'js' } },
  useHtmlMode: {
    kind: 'patch-request',
    id: 'use-html-mode',
    label: 'Use plain HTML mode (cheaper)',
    set: { mode: 'html' },
  },
  usePdfMode: {
    kind: 'patch-request',
    id: 'use-pdf-mode',
    label: 'Read it as a PDF (mode: pdf)',
    set: { mode: 'pdf' },
  },
  useOcrMode: { kind: 'patch-request', id: 'use-ocr-mode', label: 'Read an image (mode: ocr)', set: { mode: 'ocr' } },
  raiseTimeout180: {
    kind: 'patch-request',
    id: 'raise-timeout-180',
    label: 'Wait up to 180 seconds (timeout: 180)',
    set: { timeout: 180 },
  },
  runAsync: {
    kind: 'patch-request',
    id: 'run-async',
    label: 'Run as a background job (sync: false)',
    set: { sync: false },
  },
  dropCookies: {
    kind: 'patch-request',
    id: 'drop-cookies',
    label: 'Keep the stored session, remove the inline cookies',
    drop: ['cookies'],
  },
  dropSessionId: {
    kind: 'patch-request',
    id: 'drop-session-id',
    label: 'Remove the stored session (session_id)',
    drop: ['session_id'],
  },
  dropMaxCredits: {
    kind: 'patch-request',
    id: 'drop-max-credits',
    label: 'Remove the credit cap (max_credits)',
    drop: ['max_credits'],
  },
  openSettings: { kind: 'link', id: 'open-settings', label: 'Check the API key in Settings', to: '/settings' },
  logInAgain: { kind: 'link', id: 'log-in-again', label: 'Log in again', to: '/settings' },
  checkBaseUrl: { kind: 'link', id: 'check-base-url', label: 'Check the API base URL in Settings', to: '/settings' },
  openUsage: { kind: 'link', id: 'open-usage', label: 'See balance and plan', to: '/usage' },
  openRateLimits: { kind: 'link', id: 'open-rate-limits', label: 'Watch the rate-limit meter', to: '/rate-limits' },
  openSessions: { kind: 'link', id: 'open-sessions', label: 'Manage stored sessions', to: '/sessions' },
  refreshSessionCookies: {
    kind: 'link',
    id: 'refresh-session-cookies',
    label: "Refresh the session's cookies",
    to: '/sessions',
    search: ({ sessionId }) => ({ refresh: sessionId }),
  },
  chooseSessionForDomain: {
    kind: 'choose-session',
    id: 'choose-session-for-domain',
    label: 'Use a stored session for this domain',
  },
  addInlineCookies: {
    kind: 'add-cookies',
    id: 'add-inline-cookies',
    label: 'Send the login cookies with this request',
  },
  createSessionForDomain: {
    kind: 'link',
    id: 'create-session-for-domain',
    label: 'Create a session for this domain',
    to: '/sessions',
    // The failed page is the one the new session is checked on: its host alone says neither its port nor scheme.
    search: (context) => ({ domain: hostOf(context), create: true, check: context.url }),
  },
  cleanUpSessions: {
    kind: 'link',
    id: 'clean-up-sessions',
    label: 'List expired and inactive sessions to delete',
    to: '/sessions',
    search: () => ({ status: 'cleanup' }),
  },
  openWebhooks: { kind: 'link', id: 'open-webhooks', label: 'See existing webhooks', to: '/webhooks' },
} satisfies Record<string, FixAction>;
