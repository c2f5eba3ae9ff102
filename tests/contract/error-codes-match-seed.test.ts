import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type RetryRule } from '../../contract/error-codes';
import { HTTP_STATUSES } from '../../contract/http-statuses';
import { PLAN_LIMITS, PLANS } from '../../contract/plans';

// The seed is parsed, not copied, so a code or status added to it fails here until the catalog has it.
const seed = readFileSync(new URL('../../docs/reference/alterlab-error-codes.txt', import.meta.url), 'utf8');
const lines = seed.split(/\r?\n/).map((line) => line.trim());

function section(start: string, end: string): string[] {
  const from = lines.indexOf(start);
  const to = lines.indexOf(end, from + 1);
  if (from < 0 || to < 0) throw new Error(`Seed section "${start}" … "${end}" not found`);
  return lines.slice(from + 1, to);
}

interface SeedCode {
  code: string;
  status: number;
  refunded: boolean;
}

/** A code block: a line holding only an UPPER_SNAKE code, then one holding only its status, maybe "Refunded". */
function parseCodes(): SeedCode[] {
  const codes: SeedCode[] = [];
  lines.forEach((line, index) => {
    const next = lines[index + 1] ?? '';
    if (/^[A-Z][A-Z0-9_]*[A-Z0-9]$/.test(line) && /^\d{3}$/.test(next)) {
      codes.push({ code: line, status: Number(next), refunded: lines[index + 2] === 'Refunded' });
    }
  });
  return codes;
}

const RETRY_COLUMN: Record<string, RetryRule> = {
  'N/A': 'not-applicable',
  No: 'never',
  Maybe: 'maybe',
  'Yes (after delay)': 'after-reset',
  Yes: 'backoff',
};

interface SeedStatus {
  status: number;
  statusText: string;
  retry: RetryRule;
}

/** Rows run together, e.g. `403ForbiddenAccess denied by target site or blocked by anti-botMaybe`. */
function parseStatuses(): SeedStatus[] {
  const rows: SeedStatus[] = [];
  for (const line of section('HTTP Status Codes', 'Scraping Errors')) {
    const row = /^(\d{3})(.+?)(N\/A|No|Maybe|Yes \(after delay\)|Yes)$/.exec(line);
    if (!row) continue;
    const [, status = '', text = '', retry = ''] = row;
    // The status text ends where the description's first word is glued on: `MediaURL`, `OKRequest`.
    const split = /(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[A-Z][a-z])/.exec(text);
    const rule = RETRY_COLUMN[retry];
    if (!split || !rule) throw new Error(`Cannot read status row: ${line}`);
    rows.push({ status: Number(status), statusText: text.slice(0, split.index), retry: rule });
  }
  return rows;
}

function bullets(start: string, end: string): string[] {
  return section(start, end)
    .filter((line) => line.startsWith('•'))
    .map((line) => line.replace(/^•\s*/, ''));
}

const seedCodes = parseCodes();
const seedStatuses = parseStatuses();
const refundedItems = bullets('Costs Refunded', 'Costs NOT Refunded');
const notRefundedItems = bullets('Costs NOT Refunded', 'Refund Timing');

/** A plan row glued together: `Free30 req/min5 req/sec`. */
function parsePlans(): { label: string; perMinute: number; burstPerSecond: number }[] {
  return section('PlanRate LimitBurst Limit', 'Refund Policy').flatMap((line) => {
    const row = /^(.+?)(\d+) req\/min(\d+) req\/sec$/.exec(line);
    return row ? [{ label: row[1] ?? '', perMinute: Number(row[2]), burstPerSecond: Number(row[3]) }] : [];
  });
}

const seedPlans = parsePlans();
type Facts = { code: string; status: number; refund: string };
const codeEntries: readonly Facts[] = ERROR_CODES;
/** A status row seen as an entry, so the refund bullets can be checked on codes and statuses alike. */
const statusRows: readonly Facts[] = HTTP_STATUSES.map((row) => ({ ...row, code: String(row.status) }));
const everything = [...codeEntries, ...statusRows];
const key = (entry: { code: string; status: number }) => `${entry.code}@${entry.status}`;

/** Where a code's retry rule differs from its status row (or its status has none), and why. */
const RETRY_EXCEPTIONS: Record<string, { rule: RetryRule; why: string }> = {
  'SESSION_LIMIT_REACHED@429': {
    rule: 'never',
    why: 'a count limit (50 sessions), not a time window: waiting changes nothing until sessions are deleted',
  },
  'SESSION_EXPIRED@410': {
    rule: 'never',
    why: '410 is not in the status table; an expired session stays expired until its cookies are refreshed',
  },
  'SESSION_INACTIVE@410': {
    rule: 'never',
    why: '410 is not in the status table; a deleted or disabled session never comes back',
  },
  'NETWORK_UNREACHABLE@0': {
    rule: 'backoff',
    why: 'no HTTP status at all; the seed sample client retries a failed connection with 2^attempt backoff',
  },
};

/** What each refund-policy bullet of the seed covers in the catalog; null: no catalog entry can match it. */
const REFUNDED_ITEMS: Record<string, ((entry: Facts) => boolean) | null> = {
  'Site blocked access (403, anti-bot)': (entry) => entry.status === 403,
  'Request timeout': (entry) => entry.code === 'TIMEOUT',
  'Network/connection errors': (entry) => entry.code === 'NETWORK_ERROR',
  'Content extraction failed': (entry) => entry.code === 'EXTRACTION_FAILED',
  // The scraped page's content type; UNSUPPORTED_MEDIA_TYPE (ours, also 415) is the request body's, never charged.
  'Unsupported content type': (entry) => entry.code === 'UNSUPPORTED_CONTENT_TYPE' || key(entry) === '415@415',
  'Page requires authentication': (entry) => entry.code === 'REQUIRES_AUTH',
  'Paywall detected': (entry) => entry.code === 'PAYWALL_DETECTED',
  'Server errors (5xx)': (entry) => entry.status >= 500 && entry.status <= 599,
};
const NOT_REFUNDED_ITEMS: Record<string, ((entry: Facts) => boolean) | null> = {
  'Successful scrape (any tier)': (entry) => entry.status === 200,
  // A cache hit is a 200 that cost nothing.
  'Cache hit (free)': (entry) => entry.status === 200,
  'Invalid API key': (entry) => entry.code === 'INVALID_API_KEY',
  'Rate limit exceeded': (entry) => entry.code === 'RATE_LIMIT_EXCEEDED' || key(entry) === '429@429',
  'Invalid request parameters': (entry) => entry.status === 400,
  // The API answers a cancellation with no error code, so the catalog has nothing to hold it.
  'Cancelled by user': null,
};

describe('the seed parser', () => {
  it('reads the plan table', () => {
    expect(seedPlans).toContainEqual({ label: 'High Volume', perMinute: 500, burstPerSecond: 50 });
    expect(seedPlans.length).toBeGreaterThanOrEqual(5);
  });

  it('finds every code block, status row and refund bullet', () => {
    // The seed has 22 code blocks (SESSION_EXPIRED twice) and 17 status rows.
    expect(seedCodes.length).toBeGreaterThanOrEqual(20);
    expect(new Set(seedCodes.map((code) => code.code)).size).toBeGreaterThanOrEqual(20);
    expect(seedStatuses.length).toBeGreaterThanOrEqual(15);
    expect(seedCodes.length + seedStatuses.length).toBeGreaterThanOrEqual(25);
    expect(seedCodes.filter((code) => code.refunded).length).toBeGreaterThanOrEqual(5);
    expect(refundedItems.length).toBeGreaterThanOrEqual(5);
    expect(notRefundedItems.length).toBeGreaterThanOrEqual(5);
  });

  it('reads glued status rows', () => {
    expect(seedStatuses).toContainEqual({ status: 415, statusText: 'Unsupported Media', retry: 'never' });
    expect(seedStatuses).toContainEqual({ status: 200, statusText: 'OK', retry: 'not-applicable' });
    expect(seedStatuses).toContainEqual({ status: 429, statusText: 'Too Many Requests', retry: 'after-reset' });
  });
});

describe('the contract tables against the seed', () => {
  it.each(seedCodes)('has $code at $status', ({ code, status }) => {
    const entry = ERROR_CODES.find((candidate) => key(candidate) === key({ code, status }));
    expect(entry, `${code} ${status} missing from ERROR_CODES`).toBeDefined();
    expect(entry?.source).toBe('seed');
  });

  it('marks as seed only codes the seed has', () => {
    const inSeed = new Set(seedCodes.map(key));
    const claimed = ERROR_CODES.filter((entry) => entry.source === 'seed').map(key);
    expect(claimed.filter((entryKey) => !inSeed.has(entryKey))).toEqual([]);
  });

  it.each(seedStatuses)('has status $status with its text and retry rule', ({ status, statusText, retry }) => {
    const row = HTTP_STATUSES.find((candidate) => candidate.status === status);
    expect(row, `status ${status} missing from HTTP_STATUSES`).toBeDefined();
    expect(row).toMatchObject({ text: statusText, retry });
  });

  it('has status rows only for statuses of the seed table', () => {
    const inSeed = new Set(seedStatuses.map((row) => row.status));
    const statuses = HTTP_STATUSES.map((row) => row.status);
    expect(statuses.filter((status) => !inSeed.has(status))).toEqual([]);
    expect(new Set(statuses).size).toBe(statuses.length);
  });

  it.each(ERROR_CODES)('gives $code ($status) the retry rule of its status row', (entry) => {
    const exception = RETRY_EXCEPTIONS[key(entry)];
    if (exception) {
      expect(entry.retry, exception.why).toBe(exception.rule);
      return;
    }
    const row = seedStatuses.find((candidate) => candidate.status === entry.status);
    expect(row, `${key(entry)}: status not in the seed table and no documented exception`).toBeDefined();
    expect(entry.retry).toBe(row?.retry);
  });

  it('lists only retry exceptions that exist', () => {
    const keys = new Set(codeEntries.map(key));
    expect(Object.keys(RETRY_EXCEPTIONS).filter((entryKey) => !keys.has(entryKey))).toEqual([]);
  });

  it.each(seedCodes)('refunds $code ($status) exactly when the seed marks it Refunded', (seedCode) => {
    const entry = ERROR_CODES.find((candidate) => key(candidate) === key(seedCode));
    expect(entry?.refund === 'refunded').toBe(seedCode.refunded);
  });

  it.each(refundedItems)('refunds "%s"', (item) => {
    expect(Object.keys(REFUNDED_ITEMS), `the test does not know the bullet "${item}"`).toContain(item);
    const covers = REFUNDED_ITEMS[item];
    if (!covers) return;
    const entries = everything.filter(covers);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.refund, key(entry)).toBe('refunded');
  });

  it.each(notRefundedItems)('does not refund "%s"', (item) => {
    expect(Object.keys(NOT_REFUNDED_ITEMS), `the test does not know the bullet "${item}"`).toContain(item);
    const covers = NOT_REFUNDED_ITEMS[item];
    if (!covers) return;
    const entries = everything.filter(covers);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.refund, key(entry)).not.toBe('refunded');
  });
});

describe('the plans against the seed', () => {
  it.each(seedPlans)('has the plan $label with $perMinute a minute and $burstPerSecond a second', (seedPlan) => {
    const plan = PLANS.find((name) => PLAN_LIMITS[name].label === seedPlan.label);
    expect(plan, `${seedPlan.label} missing from PLAN_LIMITS`).toBeDefined();
    expect(plan && PLAN_LIMITS[plan]).toMatchObject(seedPlan);
  });

  it('has no plan the seed does not list', () => {
    expect(PLANS.length).toBe(seedPlans.length);
  });
});
