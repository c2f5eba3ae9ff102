import type { FieldErrors, Resolver } from 'react-hook-form';
import { tierOfCap, type ScrapeMode, type Tier } from '../../../contract/pricing';
import {
  scrapeFormatSchema,
  scrapeRequestSchema,
  type ScrapeFormat,
  type ScrapeRequest,
} from '../../../contract/scrape';
import { SCRAPE_DEFAULTS as DEFAULTS } from '../../../contract/scrape-defaults';
import type { FixAction } from '../../errors/catalog';
import { cookieRowErrors, isEmptyCookieRow } from './cookie-rows';

/**
 * The scrape form as the inputs hold it: strings for optional numbers, cookie
 * rows instead of an object. `toRequest` turns it into the API's request, and the
 * form is validated by parsing that with the contract's own schema, the one the
 * server validates with, so the form and the server can never disagree.
 */
export interface ScrapeFormValues {
  url: string;
  mode: ScrapeMode;
  formats: ScrapeFormat[];
  sync: boolean;
  timeout: string;
  max_tier: Tier;
  max_credits: string;
  cache: boolean;
  cache_ttl: string;
  force_refresh: boolean;
  session_id: string;
  cookies: { name: string; value: string }[];
  wait_for: string;
  screenshot: boolean;
  include_raw_html: boolean;
}

/** An empty form says what the API assumes when a field is left out. */
export const DEFAULT_FORM_VALUES: ScrapeFormValues = {
  url: '',
  mode: DEFAULTS.mode,
  formats: [],
  sync: DEFAULTS.sync,
  timeout: String(DEFAULTS.timeout),
  max_tier: DEFAULTS.max_tier,
  max_credits: '',
  cache: DEFAULTS.cache,
  cache_ttl: String(DEFAULTS.cache_ttl),
  force_refresh: DEFAULTS.force_refresh,
  session_id: '',
  cookies: [],
  wait_for: '',
  screenshot: false,
  include_raw_html: false,
};

const numberOrText = (value: string): number | string =>
  value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;

/** Only what differs from the API's defaults is sent, so snippets and history stay short. */
export function toRequest(values: ScrapeFormValues): ScrapeRequest {
  const request: Record<string, unknown> = { url: values.url.trim() };
  if (values.mode !== DEFAULTS.mode) request.mode = values.mode;
  if (values.formats.length > 0) request.formats = values.formats;
  if (values.sync !== DEFAULTS.sync) request.sync = values.sync;
  if (values.timeout.trim() !== String(DEFAULTS.timeout)) request.timeout = numberOrText(values.timeout);
  if (values.max_tier !== DEFAULTS.max_tier) request.max_tier = values.max_tier;
  if (values.max_credits.trim() !== '') request.max_credits = numberOrText(values.max_credits);
  // The lifetime and force_refresh mean nothing with the cache off, so they are sent only with it on.
  if (values.cache) {
    request.cache = true;
    if (values.cache_ttl.trim() !== String(DEFAULTS.cache_ttl)) request.cache_ttl = numberOrText(values.cache_ttl);
    if (values.force_refresh) request.force_refresh = true;
  }
  if (values.session_id.trim() !== '') request.session_id = values.session_id.trim();
  // An empty row is left out of the live previews (snippets, estimate); a submit stops at it (cookie-rows.ts).
  const cookies = values.cookies.filter((cookie) => !isEmptyCookieRow(cookie));
  if (cookies.length > 0)
    request.cookies = Object.fromEntries(cookies.map((cookie) => [cookie.name.trim(), cookie.value]));
  if (values.wait_for.trim() !== '') request.wait_for = values.wait_for.trim();
  if (values.screenshot) request.screenshot = true;
  if (values.include_raw_html) request.include_raw_html = true;
  return request as ScrapeRequest;
}

export function fromRequest(request: ScrapeRequest): ScrapeFormValues {
  return {
    ...DEFAULT_FORM_VALUES,
    url: request.url,
    mode: request.mode ?? DEFAULTS.mode,
    // The form offers what the sandbox produces; a request from elsewhere may name more.
    formats: (request.formats ?? []).filter((format) => scrapeFormatSchema.safeParse(format).success) as ScrapeFormat[],
    sync: request.sync ?? DEFAULTS.sync,
    timeout: String(request.timeout ?? DEFAULTS.timeout),
    max_tier: tierOfCap(request.max_tier ?? DEFAULTS.max_tier) ?? DEFAULTS.max_tier,
    max_credits: request.max_credits === undefined ? '' : String(request.max_credits),
    cache: request.cache ?? DEFAULTS.cache,
    cache_ttl: String(request.cache_ttl ?? DEFAULTS.cache_ttl),
    force_refresh: request.force_refresh ?? DEFAULTS.force_refresh,
    session_id: request.session_id ?? '',
    cookies: Object.entries(request.cookies ?? {}).map(([name, value]) => ({ name, value })),
    wait_for: request.wait_for ?? '',
    screenshot: request.screenshot ?? false,
    include_raw_html: request.include_raw_html ?? false,
  };
}

/** A fix of the catalog, applied to the form: its `set` fields replace, its `drop` fields are cleared. */
export function applyFix(values: ScrapeFormValues, fix: FixAction): ScrapeFormValues {
  if (fix.kind !== 'patch-request') return values;
  const request = { ...toRequest(values), ...fix.set } as Record<string, unknown>;
  for (const field of fix.drop ?? []) delete request[field];
  return fromRequest(request as ScrapeRequest);
}

/** Where a request field's error shows in the form (cookies' issues land on the cookie rows' group). */
const FIELD_OF: Record<string, keyof ScrapeFormValues> = { cookies: 'cookies', formats: 'formats' };

/**
 * The API refuses a stored session beside inline cookies (SESSION_COOKIES_CONFLICT, at `cookies`) before it reads
 * the page; the form says so at the same field before anything is sent.
 */
const CONFLICT_MESSAGE =
  'Send a stored session or inline cookies, not both: remove the cookies, or choose “No stored session”.';

function sessionConflict(request: ScrapeRequest): boolean {
  return (
    Boolean(request.session_id ?? request.advanced?.session_id) && Boolean(request.cookies ?? request.advanced?.cookies)
  );
}

/**
 * react-hook-form resolver: the contract's schema decides, each issue shown at its field. Cookies are checked row
 * by row first, so a problem shows at the row's input; the conflict with a stored session is the whole list's.
 */
export const scrapeFormResolver: Resolver<ScrapeFormValues> = async (values) => {
  const request = toRequest(values);
  const parsed = scrapeRequestSchema.safeParse(request);
  const errors: FieldErrors<ScrapeFormValues> = {};
  const rows = cookieRowErrors(values.cookies);
  if (rows) errors.cookies = rows as FieldErrors<ScrapeFormValues>['cookies'];
  else if (sessionConflict(request)) errors.cookies = { type: 'conflict', message: CONFLICT_MESSAGE };
  if (parsed.success) return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors };
  for (const issue of parsed.error.issues) {
    const top = String(issue.path[0] ?? 'url');
    const field = FIELD_OF[top] ?? (top as keyof ScrapeFormValues);
    if (!(field in DEFAULT_FORM_VALUES) || errors[field]) continue;
    (errors as Record<string, { type: string; message: string }>)[field] = { type: issue.code, message: issue.message };
  }
  return { values: {}, errors };
};
