import { describe, expect, it } from 'vitest';
import { credits, formatDateTime, formatNumber, formatRelative } from '../../src/lib/format';

describe('formatting for the screen', () => {
  it('groups whole numbers in threes, negative ones too, and leaves fractions to Intl', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1,000');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-45000)).toBe('-45,000');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatNumber(0.12345)).toBe('0.123');
    expect(credits(1)).toBe('1 credit');
    expect(credits(31536000)).toBe('31,536,000 credits');
  });

  it('writes a time in UTC, whatever the zone of the browser', () => {
    expect(formatDateTime('2026-11-25T10:00:00Z')).toBe('25 Nov 2026, 10:00:00 UTC');
    expect(formatDateTime('2026-09-03T23:59:07+02:00')).toBe('3 Sep 2026, 21:59:07 UTC');
    expect(formatDateTime(Date.UTC(2027, 0, 1, 0, 0, 0))).toBe('1 Jan 2027, 00:00:00 UTC');
    expect(() => formatDateTime('not a date')).toThrow(RangeError);
  });

  it('says how far a time is in its largest whole unit, and a moment ago as just now though it lies within the page’s second', () => {
    const now = Date.UTC(2026, 11, 3, 12, 0, 0);
    expect(formatRelative(now + 2 * 86_400_000 + 5_000, now)).toBe('in 2 d');
    expect(formatRelative(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatRelative(now + 30_000, now)).toBe('in under a minute');
    expect(formatRelative(now - 20_000, now)).toBe('just now');
    // Validated a moment ago by the server's clock, read against a now floored to the second.
    expect(formatRelative(now + 900, now)).toBe('just now');
  });
});
