import { HISTORY_CAPACITY, isRateLimitSample, type RateLimitSample, type SampleLog } from './rate-limit-history';

const storageKey = (fingerprint: string) => `rate-limit-history:${fingerprint}`;

/** A key's samples as this browser last kept them; nothing (rather than an error) when absent or unreadable. */
export function loadSamples(fingerprint: string): RateLimitSample[] {
  try {
    const raw = globalThis.localStorage?.getItem(storageKey(fingerprint));
    if (!raw) return [];
    const stored: unknown = JSON.parse(raw);
    return Array.isArray(stored) && stored.every(isRateLimitSample) ? stored.slice(-HISTORY_CAPACITY) : [];
  } catch {
    return [];
  }
}

/** A burst writes once a second at most: serialising 2,000 samples per response would cost more than the call. */
const WRITE_DELAY_MS = 1000;
const pending = new Map<string, () => SampleLog | undefined>();
let timer: ReturnType<typeof setTimeout> | undefined;

function writeNow(fingerprint: string, log: SampleLog | undefined) {
  try {
    if (log) globalThis.localStorage?.setItem(storageKey(fingerprint), JSON.stringify(log.toArray()));
  } catch {
    // Full or refused storage: the history lives on in memory for this tab.
  }
}

/** Schedules a write of the key's latest samples (read when the write happens, so it is always the newest). */
export function saveSamplesSoon(fingerprint: string, latest: () => SampleLog | undefined) {
  pending.set(fingerprint, latest);
  timer ??= setTimeout(flushSamples, WRITE_DELAY_MS);
}

/** Writes what is pending now: before the page goes away, and in tests. */
export function flushSamples() {
  clearTimeout(timer);
  timer = undefined;
  for (const [fingerprint, latest] of pending) writeNow(fingerprint, latest());
  pending.clear();
}

if (typeof globalThis.addEventListener === 'function') globalThis.addEventListener('pagehide', flushSamples);
