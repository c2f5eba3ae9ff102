import { tierOfCap, tierPlan, type ScrapeMode, type Tier } from '../../contract/pricing';
import type { ScrapeRequest } from '../../contract/scrape';
import { SCRAPE_DEFAULTS } from '../../contract/scrape-defaults';
import type { Advice } from './advise';
import { FIX, type FixAction } from './catalog-fixes';

type Patch = Extract<FixAction, { kind: 'patch-request' }>;

/** The request as the server read it: what each field meant, defaults filled in. */
interface Reading {
  mode: ScrapeMode;
  maxTier: Tier;
  timeout: number;
  sync: boolean;
  hasSession: boolean;
}

function readingOf(request: ScrapeRequest): Reading {
  const cap = request.max_tier ?? request.cost_controls?.max_tier;
  return {
    mode: request.mode ?? SCRAPE_DEFAULTS.mode,
    maxTier: (cap === undefined ? null : tierOfCap(cap)) ?? SCRAPE_DEFAULTS.max_tier,
    timeout: typeof request.timeout === 'number' ? request.timeout : SCRAPE_DEFAULTS.timeout,
    sync: request.sync ?? SCRAPE_DEFAULTS.sync,
    hasSession: Boolean(request.session_id ?? request.advanced?.session_id),
  };
}

const BROWSER_TIER: Tier = '3';
const reachesBrowser = (mode: ScrapeMode, maxTier: Tier) => tierPlan(mode, maxTier).some((t) => t >= BROWSER_TIER);

/** Whether sending `set` would change what the request means at all. */
function changes(set: Partial<ScrapeRequest>, request: ScrapeRequest, reading: Reading): boolean {
  return Object.entries(set).some(([field, value]) => {
    if (field === 'max_tier') return tierOfCap(value as string) !== reading.maxTier;
    if (field === 'mode') return value !== reading.mode;
    if (field === 'timeout') return (value as number) > reading.timeout;
    if (field === 'sync') return value !== reading.sync;
    return request[field as keyof ScrapeRequest] !== value;
  });
}

/** The file a 415 was about: the content type the API named, else the URL's extension. */
function fileKind(advice: Advice, url: string): 'pdf' | 'image' | null {
  const said = advice.failure.message ?? '';
  if (/application\/pdf/i.test(said)) return 'pdf';
  if (/\bimage\/[\w.+-]+/i.test(said)) return 'image';
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not a full URL: the extension is read from the text as typed.
  }
  if (/\.pdf$/i.test(path)) return 'pdf';
  if (/\.(png|jpe?g|gif|webp|tiff?|bmp)$/i.test(path)) return 'image';
  return null;
}

/**
 * A fix, made complete for this request: a higher tier in html mode (which never reaches the browser) also turns
 * on rendering, and a background job for a timeout also gets the longer timeout. Null when it cannot help.
 */
function complete(fix: Patch, advice: Advice, request: ScrapeRequest, reading: Reading): Patch | null {
  const { code, status } = advice.entry;
  const timedOut = code === 'TIMEOUT' || status === 504;
  if (fix.id === FIX.raiseMaxTier4.id && reading.mode === 'html' && !reachesBrowser('html', '4')) {
    return {
      ...fix,
      label: 'Allow tier 4 and render JavaScript (max_tier: "4", mode: js)',
      set: { max_tier: '4', mode: 'js' },
    };
  }
  if (fix.id === FIX.runAsync.id && timedOut) {
    const timeout = FIX.raiseTimeout180.set.timeout;
    if (reading.timeout >= timeout) return fix;
    return {
      ...fix,
      label: `Run as a background job with ${timeout} s (sync: false, timeout: ${timeout})`,
      set: { sync: false, timeout },
    };
  }
  if (fix.id === FIX.useJsMode.id && (code === 'EXTRACTION_FAILED' || status === 422)) {
    // Rendering helps only a request that never reached the browser, and never a file read as PDF or image.
    const readsFile = reading.mode === 'pdf' || reading.mode === 'ocr';
    if (readsFile || reachesBrowser(reading.mode, reading.maxTier)) return null;
  }
  if (fix.id === FIX.usePdfMode.id || fix.id === FIX.useOcrMode.id) {
    const kind = fileKind(advice, request.url);
    if (kind === 'pdf' && fix.id !== FIX.usePdfMode.id) return null;
    if (kind === 'image' && fix.id !== FIX.useOcrMode.id) return null;
  }
  return fix;
}

/**
 * The fixes a failed request is offered: the catalog's, completed for the request and without those that cannot
 * change its outcome (a mode it already used, a field it did not send, inline cookies beside a stored session).
 * Without the request (a failure shown elsewhere) the catalog's list is the answer.
 */
export function fixesFor(advice: Advice, request: ScrapeRequest | undefined): FixAction[] {
  const fixes = advice.entry.fixes;
  if (!request) return [...fixes];
  const reading = readingOf(request);
  const offered: FixAction[] = [];
  for (const fix of fixes) {
    if (fix.kind === 'add-cookies' && reading.hasSession) continue;
    if (fix.kind !== 'patch-request') {
      offered.push(fix);
      continue;
    }
    const done = complete(fix, advice, request, reading);
    if (!done) continue;
    if (done.drop && !done.drop.some((field) => request[field] !== undefined)) continue;
    if (done.set && !changes(done.set, request, reading)) continue;
    offered.push(done);
  }
  return offered;
}
