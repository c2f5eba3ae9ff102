import { useMemo } from 'react';
import { create } from 'zustand';
import { useNow } from '../lib/use-now';
import { useApiKey, useCredentialsStore } from './credentials-store';

/** Who made a call: the dashboard keeping itself fresh, or the user asking for something. */
export type CallSource = 'dashboard' | 'user';

/** One response's rate-limit headers, with what the call was. */
export interface RateLimitSample {
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

/** Below this share of the minute left, the dashboard stops spending the key on its own calls. */
export const LOW_BUDGET_SHARE = 0.2;

const HISTORY_SIZE = 500;

/** A key's samples, newest last. */
type History = readonly RateLimitSample[];

interface RateLimitState {
  /** By key fingerprint: switching keys never mixes two keys' limits, and no key is kept here. */
  byKey: Readonly<Record<string, History>>;
  responseObserved: (fingerprint: string, sample: RateLimitSample) => void;
  historyCleared: () => void;
}

/** The one store of rate-limit state, fed by the HTTP client from every response to a call made with the key. */
export const useRateLimitStore = create<RateLimitState>()((set) => ({
  byKey: {},
  responseObserved: (fingerprint, sample) =>
    set((state) => ({
      byKey: {
        ...state.byKey,
        [fingerprint]: [...(state.byKey[fingerprint] ?? []).slice(-(HISTORY_SIZE - 1)), sample],
      },
    })),
  historyCleared: () => set({ byKey: {} }),
}));

/**
 * A short, one-way name for a key (FNV-1a, 32 bits): enough to keep two keys' samples apart in memory, and
 * nothing to read the key back from.
 */
export function keyFingerprint(apiKey: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < apiKey.length; index++) {
    hash ^= apiKey.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
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

const EMPTY: History = [];

/** What one key's history says about its current minute window; null before its first answer. */
export function minuteWindowOf(history: History): MinuteWindow | null {
  const latest = history.at(-1);
  if (!latest) return null;
  const sameWindow = history.filter((sample) => sample.reset === latest.reset && sample.limit === latest.limit);
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

/** Low: under LOW_BUDGET_SHARE of the minute left (or none), until the window resets at `now`. */
export function isBudgetLow(window: MinuteWindow | null, now: number): boolean {
  if (!window || now >= window.reset * 1000) return false;
  return window.remaining <= Math.floor(window.limit * LOW_BUDGET_SHARE);
}

const historyOf = (state: RateLimitState, apiKey: string | null): History =>
  (apiKey && state.byKey[keyFingerprint(apiKey)]) || EMPTY;

/** The key's history; a stable empty list for a key without answers, so selectors do not re-render for nothing. */
const useKeyHistory = (apiKey: string | null) => useRateLimitStore((state) => historyOf(state, apiKey));

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
