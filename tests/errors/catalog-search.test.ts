import { describe, expect, it } from 'vitest';
import { CATALOG, entriesForCode, findEntry, searchCatalog, statusEntry } from '../../src/errors/catalog';

/** The seed's 22 code entries (SESSION_EXPIRED twice), our 10, and the 17 rows of its status table. */
const ENTRIES = 49;

const codes = (query: string) => searchCatalog(query).map((entry) => entry.code);

describe('searchCatalog', () => {
  it('finds a code, putting the exact code first', () => {
    expect(codes('TIMEOUT')[0]).toBe('TIMEOUT');
    expect(codes('blocked_by_antibot')).toEqual(['BLOCKED_BY_ANTIBOT']);
  });

  it('finds every entry of a status, and only those', () => {
    const results = searchCatalog('429');
    expect(results.map((entry) => entry.code).sort()).toEqual(['429', 'RATE_LIMIT_EXCEEDED', 'SESSION_LIMIT_REACHED']);
    expect(results.every((entry) => entry.status === 429)).toBe(true);
  });

  it('matches words anywhere, all of them, in any case', () => {
    expect(codes('anti bot')).toContain('BLOCKED_BY_ANTIBOT');
    expect(codes('Anti-Bot')).toContain('BLOCKED_BY_ANTIBOT');
    expect(codes('PAYWALL')).toContain('PAYWALL_DETECTED');
    expect(codes('session cookies expired')).toContain('SESSION_EXPIRED');
    expect(codes('paywall 402')).toEqual(expect.arrayContaining(['PAYWALL_DETECTED', '402']));
    expect(codes('paywall 403')).toEqual([]);
  });

  it('gives nothing for no match and everything for an empty query', () => {
    expect(searchCatalog('xylophone')).toEqual([]);
    expect(searchCatalog('   ')).toHaveLength(ENTRIES);
  });
});

describe('lookups', () => {
  it('lets the status pick between the two SESSION_EXPIRED entries', () => {
    expect(entriesForCode('SESSION_EXPIRED').map((entry) => entry.status)).toEqual([401, 410]);
    expect(findEntry('SESSION_EXPIRED', 410)?.category).toBe('session');
    expect(findEntry('SESSION_EXPIRED', 401)?.category).toBe('auth');
  });

  it('prefers the lowest status without one, or with one the code is not known at', () => {
    expect(findEntry('SESSION_EXPIRED')?.status).toBe(401);
    expect(findEntry('TIMEOUT', 500)?.status).toBe(504);
  });

  it('joins each code to its facts: status, status text, category, retry rule and refund policy', () => {
    expect(CATALOG).toHaveLength(ENTRIES);
    expect(findEntry('SESSION_EXPIRED', 410)).toMatchObject({
      statusText: 'Gone',
      category: 'session',
      retry: 'never',
      refund: 'not-applicable',
      source: 'seed',
      title: "Stored session's cookies expired",
    });
    expect(findEntry('RATE_LIMIT_EXCEEDED')).toMatchObject({
      status: 429,
      statusText: 'Too Many Requests',
      retry: 'after-reset',
      refund: 'not-refunded',
    });
    expect(findEntry('WEBHOOK_ALREADY_EXISTS')).toMatchObject({ status: 409, source: 'ours', retry: 'never' });
    expect(findEntry('NETWORK_UNREACHABLE')).toMatchObject({ status: 0, statusText: 'No response', retry: 'backoff' });
    expect(statusEntry(402)).toMatchObject({ category: 'billing', retry: 'never', refund: 'not-applicable' });
  });

  it('finds status entries and nothing for unknown codes', () => {
    expect(statusEntry(403)).toMatchObject({ kind: 'status', code: '403', statusText: 'Forbidden' });
    expect(statusEntry(410)).toBeUndefined();
    expect(findEntry('SOMETHING_NEW')).toBeUndefined();
  });

  it('gives each fix a stable kebab-case id with one meaning', () => {
    const byId = new Map<string, string>();
    for (const fix of CATALOG.flatMap((entry) => entry.fixes)) {
      expect(fix.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const meaning = JSON.stringify(fix);
      expect(byId.get(fix.id) ?? meaning).toBe(meaning);
      byId.set(fix.id, meaning);
    }
  });
});
