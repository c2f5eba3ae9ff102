import { describe, expect, it } from 'vitest';
import { createFaults, faultCode } from '../../../server/sandbox/faults';

describe('sandbox faults', () => {
  it('answers each status with its server error, not the scraping code that shares it', () => {
    expect([500, 502, 503, 504].map((status) => faultCode(status as 500 | 502 | 503 | 504))).toEqual([
      'INTERNAL_ERROR',
      'BAD_GATEWAY',
      'SERVICE_UNAVAILABLE',
      'GATEWAY_TIMEOUT',
    ]);
  });

  it('fails the next `count` calls of the account it was armed on, then none', () => {
    const faults = createFaults();
    faults.arm('acct_a', 502, 2);
    expect([faults.take('acct_b'), faults.take('acct_a'), faults.take('acct_a'), faults.take('acct_a')]).toEqual([
      null,
      'BAD_GATEWAY',
      'BAD_GATEWAY',
      null,
    ]);
  });
});
