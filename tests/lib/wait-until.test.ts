import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitUntil } from '../../src/lib/wait-until';

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z') }));
afterEach(() => vi.useRealTimers());

/** Where a wait stands, read without waiting for it. */
function watch(promise: Promise<void>) {
  const seen = { state: 'waiting' as 'waiting' | 'done' | 'cancelled', reason: undefined as unknown };
  promise.then(
    () => void (seen.state = 'done'),
    (reason: unknown) => void Object.assign(seen, { state: 'cancelled', reason }),
  );
  return seen;
}

describe('waitUntil', () => {
  it('ends at the time given, not before', async () => {
    const wait = watch(waitUntil(Date.now() + 3_000, { signal: new AbortController().signal }));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(wait.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1);
    expect(wait.state).toBe('done');
  });

  it('ends at once when skipped, and leaves no timer behind', async () => {
    const skip = new AbortController();
    const wait = watch(waitUntil(Date.now() + 30_000, { signal: new AbortController().signal, skip: skip.signal }));
    skip.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.state).toBe('done');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with the reason when cancelled, before or during the wait', async () => {
    const cancel = new AbortController();
    const wait = watch(waitUntil(Date.now() + 30_000, { signal: cancel.signal }));
    cancel.abort(new Error('cancelled'));
    await vi.advanceTimersByTimeAsync(0);
    expect(wait).toMatchObject({ state: 'cancelled', reason: new Error('cancelled') });
    expect(vi.getTimerCount()).toBe(0);
    await expect(waitUntil(Date.now() + 1_000, { signal: cancel.signal })).rejects.toThrow('cancelled');
  });
});
