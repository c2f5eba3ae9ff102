import { describe, expect, it } from 'vitest';
import { planOfLimits } from '../../contract/plans';

describe('planOfLimits', () => {
  it('names the one plan a pair of limits (or a minute limit alone) belongs to, and none for limits of no plan', () => {
    expect(planOfLimits(30, 5)).toBe('free');
    expect(planOfLimits(100, 20)).toBe('growth');
    expect(planOfLimits(100, undefined)).toBe('growth');
    expect(planOfLimits(42, 5)).toBeNull();
    expect(planOfLimits(30, 20)).toBeNull();
  });
});
