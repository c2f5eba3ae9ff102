import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { useNow } from '../lib/use-now';
import { useApiKey, useCredentialsStore } from './credentials-store';
import { HISTORY_CAPACITY, isRateLimitSample, SampleLog, type RateLimitSample } from './rate-limit-history';
import { flushSamples, loadSamples, saveSamplesSoon } from './rate-limit-persistence';

export { SampleLog, type CallSource, type RateLimitSample } from './rate-limit-history';

/** Below this share of the minute left, the dashboard stops spending the key on its own calls. */
export const LOW_BUDGET_SHARE = 0.2;

/** A key's samples, oldest first. */
type History = readonly RateLimitSample[];

interface RateLimitState {
  /** By key fingerprint: switching keys never mixes two keys' limits, and no key is kept here. */
  byKey: Readonly<Record<string, SampleLog>>;
  /** An answer this tab received. */
  responseObserved: (fingerprint: string, sample: RateLimitSample) => void;
  /** An answer another tab of this browser received (BroadcastChannel). */
  sampleShared: (fingerprint: string, sample: RateLimitSample) => void;
  /** Reads the key's kept history from localStorage, unless this tab already holds it. */
  historyRestored: (fingerprint: string) => void;
  /** Forgets every key's history in this tab; what the browser keeps stays for when the key comes back. */
  historyCleared: () => void;
}

const CHANNEL_NAME = 'rate-limit-samples';
const tabId = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
let sequence = 0;
let channel: BroadcastChannel | null | undefined;

/** Ids of samples already held, so a sample that comes back (two channels, a replay) is counted once. */
const seenIds = new Set<string>();
/** The same ids in arrival order, in a ring: the oldest is forgotten in O(1) once the ring is full. */
const SEEN_CAPACITY = HISTORY_CAPACITY * 4;
const seenOrder: (string | undefined)[] = [];
let seenNext = 0;
function firstSight(id: string): boolean {
  if (seenIds.has(id)) return false;
  const oldest = seenOrder[seenNext];
  if (oldest !== undefined) seenIds.delete(oldest);
  seenOrder[seenNext] = id;
  seenNext = (seenNext + 1) % SEEN_CAPACITY;
  seenIds.add(id);
  return true;
}
function forgetSeen() {
  seenIds.clear();
  seenOrder.length = 0;
  seenNext = 0;
}

/** The one rate-limit store, fed by the HTTP client from every response to a call made with the key. */
export const useRateLimitStore = create<RateLimitState>()((set, get) => {
  const append = (fingerprint: string, sample: RateLimitSample) => {
    set((state) => ({
      byKey: {
        ...state.byKey,
        [fingerprint]: (state.byKey[fingerprint] ?? SampleLog.of(loadSamples(fingerprint))).appended(sample),
      },
    }));
    saveSamplesSoon(fingerprint, () => get().byKey[fingerprint]);
  };
  return {
    byKey: {},
    responseObserved: (fingerprint, observed) => {
      const id = observed.id ?? `${tabId}:${++sequence}`;
      if (!firstSight(id)) return;
      const sample = { ...observed, id };
      append(fingerprint, sample);
      sharingChannel()?.postMessage({ fingerprint, sample });
    },
    sampleShared: (fingerprint, sample) => {
      // Never posted on: each tab posts only what it received itself, so two tabs cannot echo a sample forever.
      if (sample.id && !firstSight(sample.id)) return;
      append(fingerprint, sample);
    },
    historyRestored: (fingerprint) => {
      if (get().byKey[fingerprint]) return;
      const samples = loadSamples(fingerprint);
      if (samples.length === 0) return;
      for (const sample of samples) if (sample.id) firstSight(sample.id);
      set((state) => ({ byKey: { ...state.byKey, [fingerprint]: SampleLog.of(samples) } }));
    },
    historyCleared: () => {
      // What this tab has not written yet is kept first: the key's history is there when it comes back.
      flushSamples();
      forgetSeen();
      set({ byKey: {} });
    },
  };
});

/** The channel to the other tabs of this browser, opened on first use; null where there is none. */
function sharingChannel(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  if (typeof BroadcastChannel === 'undefined') return (channel = null);
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent) => {
    const { fingerprint, sample } = Object(event.data) as Record<string, unknown>;
    if (typeof fingerprint === 'string' && isRateLimitSample(sample))
      useRateLimitStore.getState().sampleShared(fingerprint, sample);
  };
  // Node's channel (tests) would otherwise keep the process alive.
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  return channel;
}

/** Stops listening (tests), so the next use opens a fresh channel. */
export function stopSharing(): void {
  channel?.close();
  channel = undefined;
}

/**
 * A short, one-way name for a key (FNV-1a, 32 bits): enough to keep two keys' samples apart in memory, and
 * nothing to read the key back from. The last one is kept: every subscriber's selector asks it again on every
 * sample, for the same key (about 10 ms of a phone-model page load, profiled).
 */
let lastFingerprint: { apiKey: string; fingerprint: string } | undefined;
export function keyFingerprint(apiKey: string): string {
  if (lastFingerprint?.apiKey === apiKey) return lastFingerprint.fingerprint;
  let hash = 0x811c9dc5;
  for (let index = 0; index < apiKey.length; index++) {
    hash ^= apiKey.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  const fingerprint = (hash >>> 0).toString(16).padStart(8, '0');
  lastFingerprint = { apiKey, fingerprint };
  return fingerprint;
}

/** The minute window as the key's calls last saw it. */
export interface MinuteWindow {
  limit: number;
  /** The fewest left any answer of this window reported: answers can arrive out of order. */
  remaining: number;
  reset: number;
  burst: RateLimitSample['burst'];
  latest: RateLimitSample;
  /** Calls of this window the dashboard made by itself (refused ones spend nothing). */
  dashboardCalls: number;
  /** Calls counted in this window, by anyone using the key (other programs included). */
  used: number;
}

const EMPTY = SampleLog.of();

/** What one key's history says about its current minute window; null before its first answer. */
export function minuteWindowOf(history: History | SampleLog): MinuteWindow | null {
  const latest = history.at(-1);
  if (!latest) return null;
  const sameWindow = samplesOfWindow(history, latest);
  const remaining = Math.min(...sameWindow.map((sample) => sample.remaining));
  return {
    limit: latest.limit,
    remaining,
    reset: latest.reset,
    burst: latest.burst,
    latest,
    dashboardCalls: sameWindow.filter((sample) => sample.source === 'dashboard' && sample.status !== 429).length,
    used: Math.max(0, latest.limit - remaining),
  };
}

/** The samples of the latest sample's minute window, read from the newest back: O(window), not O(history). */
function samplesOfWindow(history: History | SampleLog, latest: RateLimitSample): RateLimitSample[] {
  const found: RateLimitSample[] = [];
  // Out-of-order answers can interleave two windows near a reset: look a little past the first other window.
  let others = 0;
  for (let index = history.length - 1; index >= 0 && others < 20; index--) {
    const sample = history.at(index);
    if (!sample) break;
    if (sample.reset === latest.reset && sample.limit === latest.limit) found.push(sample);
    else others++;
  }
  return found;
}

/** Low: under LOW_BUDGET_SHARE of the minute left (or none), until the window resets at `now`. */
export function isBudgetLow(window: MinuteWindow | null, now: number): boolean {
  if (!window || now >= window.reset * 1000) return false;
  return window.remaining <= Math.floor(window.limit * LOW_BUDGET_SHARE);
}

const historyOf = (state: RateLimitState, apiKey: string | null): SampleLog =>
  (apiKey && state.byKey[keyFingerprint(apiKey)]) || EMPTY;

/**
 * The key's history, restored from this browser's storage on first use and listening to the other tabs; a stable
 * empty log for a key without answers, so selectors do not re-render for nothing.
 */
export function useKeyHistory(apiKey: string | null): SampleLog {
  useEffect(() => {
    if (!apiKey) return;
    useRateLimitStore.getState().historyRestored(keyFingerprint(apiKey));
    // Listen to the other tabs from the start, not from this tab's first answer.
    sharingChannel();
  }, [apiKey]);
  return useRateLimitStore((state) => historyOf(state, apiKey));
}

/** The connected key's samples as a list, oldest first (a new list only when a sample arrives). */
export function useConnectedHistory(): readonly RateLimitSample[] {
  const history = useKeyHistory(useApiKey());
  return useMemo(() => history.toArray(), [history]);
}

/** The connected key's budget as of now, for code outside React (the query client's refetch rules). */
export function connectedBudgetIsLow(now = Date.now()): boolean {
  const history = historyOf(useRateLimitStore.getState(), useCredentialsStore.getState().apiKey);
  return isBudgetLow(minuteWindowOf(history), now);
}

/**
 * The connected key's minute window and whether its budget is low, re-read each second once a window is known,
 * so "low" ends by itself when the window resets.
 */
export function useConnectedBudget() {
  const history = useKeyHistory(useApiKey());
  const window = useMemo(() => minuteWindowOf(history), [history]);
  const now = useNow(window !== null);
  return { window, low: isBudgetLow(window, now), now };
}
