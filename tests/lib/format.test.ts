import { describe, expect, it } from 'vitest';
import { credits, formatDateTime, formatNumber } from '../../src/lib/format';

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
});
