import { z } from 'zod';

/** Who made a call: the dashboard keeping itself fresh, or the user asking for something. */
export type CallSource = 'dashboard' | 'user';

/**
 * One response's rate-limit headers, with what the call was. Stored in localStorage and posted to other tabs, so
 * a schema reads it back: nothing in it is the key (the history is filed under the key's fingerprint).
 */
export const rateLimitSampleSchema = z.object({
  /** Unique across tabs, so a sample posted to another tab is never counted twice. */
  id: z.string().optional(),
  at: z.number(),
  /** The minute window (X-RateLimit-*). */
  limit: z.number(),
  remaining: z.number(),
  /** Unix seconds. */
  reset: z.number(),
  /** The per-second burst window (ours); null from a server that does not send it, such as the real API. */
  burst: z.object({ limit: z.number(), remaining: z.number() }).nullable(),
  source: z.enum(['dashboard', 'user']),
  method: z.string(),
  path: z.string(),
  status: z.number(),
  code: z.string().nullable(),
  retryAfter: z.number().nullable(),
});
export type RateLimitSample = z.infer<typeof rateLimitSampleSchema>;

/** Samples kept per key: about an hour of a busy dashboard, and a few hundred KB in localStorage at most. */
export const HISTORY_CAPACITY = 2000;

/**
 * One key's samples, oldest first, as an immutable view of an append-only buffer. Appending never copies: a new
 * view shares the buffer and only ever reads indices the old views do not, so earlier snapshots stay valid. Once
 * the buffer holds twice the capacity, the newest `capacity` move to a fresh one: one copy per `capacity`
 * appends, so an append is O(1) amortised and memory stays bounded.
 */
export class SampleLog {
  private constructor(
    private readonly buffer: RateLimitSample[],
    private readonly start: number,
    private readonly end: number,
    readonly capacity: number,
  ) {}

  static of(samples: readonly RateLimitSample[] = [], capacity = HISTORY_CAPACITY): SampleLog {
    const kept = samples.slice(-capacity);
    return new SampleLog(kept, 0, kept.length, capacity);
  }

  get length(): number {
    return this.end - this.start;
  }

  at(index: number): RateLimitSample | undefined {
    const position = index < 0 ? this.end + index : this.start + index;
    return position >= this.start && position < this.end ? this.buffer[position] : undefined;
  }

  appended(sample: RateLimitSample): SampleLog {
    // Another view already wrote past our end (two appends to one snapshot): copy rather than overwrite its sample.
    if (this.buffer.length !== this.end || this.end >= this.capacity * 2) {
      const fresh = this.buffer.slice(Math.max(this.start, this.end - this.capacity + 1), this.end);
      fresh.push(sample);
      return new SampleLog(fresh, 0, fresh.length, this.capacity);
    }
    this.buffer.push(sample);
    return new SampleLog(this.buffer, Math.max(this.start, this.end + 1 - this.capacity), this.end + 1, this.capacity);
  }

  toArray(): RateLimitSample[] {
    return this.buffer.slice(this.start, this.end);
  }

  map<T>(transform: (sample: RateLimitSample) => T): T[] {
    return this.toArray().map(transform);
  }
}
