/** Who made a call: the dashboard keeping itself fresh, or the user asking for something. */
export type CallSource = 'dashboard' | 'user';

/**
 * One response's rate-limit headers, with what the call was. Nothing in it is the key (the history is filed under
 * the key's fingerprint).
 */
export interface RateLimitSample {
  /** Unique across tabs, so a sample posted to another tab is never counted twice. */
  id?: string | undefined;
  at: number;
  /** The minute window (X-RateLimit-*). */
  limit: number;
  remaining: number;
  /** Unix seconds. */
  reset: number;
  /** The per-second burst window (ours); null from a server that does not send it, such as the real API. */
  burst: { limit: number; remaining: number } | null;
  source: CallSource;
  method: string;
  path: string;
  status: number;
  code: string | null;
  retryAfter: number | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isNumberOrNull = (value: unknown) => value === null || isNumber(value);
const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';

/**
 * A sample read back from localStorage or posted by another tab: this app's own format, not an API shape, checked
 * here by hand because the meter that reads it is in the first load, which carries no zod (see SchemaSource).
 */
export function isRateLimitSample(value: unknown): value is RateLimitSample {
  if (!isRecord(value)) return false;
  const { id, burst } = value;
  return (
    (id === undefined || typeof id === 'string') &&
    [value.at, value.limit, value.remaining, value.reset, value.status].every(isNumber) &&
    (burst === null || (isRecord(burst) && isNumber(burst.limit) && isNumber(burst.remaining))) &&
    (value.source === 'dashboard' || value.source === 'user') &&
    typeof value.method === 'string' &&
    typeof value.path === 'string' &&
    isTextOrNull(value.code) &&
    isNumberOrNull(value.retryAfter)
  );
}

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
