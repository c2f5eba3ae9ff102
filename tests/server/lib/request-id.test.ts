import { describe, expect, it } from 'vitest';
import { newRequestId, uuidV7 } from '../../../server/lib/secrets';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('are req_ and a UUID of version 7 whose first 48 bits are the time in ms', () => {
    const at = Date.UTC(2026, 11, 3, 9, 30);
    const id = uuidV7(at);
    expect(id).toMatch(V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
    expect(newRequestId()).toMatch(/^req_[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('sort by the moment they were made, and differ within one millisecond', () => {
    const ids = [1_000, 2_000, 2_000, 3_000].map((ms) => uuidV7(Date.UTC(2026, 0, 1) + ms));
    expect([...ids].sort()).toEqual([ids[0], ...[ids[1], ids[2]].sort(), ids[3]]);
    expect(new Set(ids).size).toBe(4);
  });
});
