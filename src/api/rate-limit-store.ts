import { create } from 'zustand';
import type { RateLimitWindow } from '../../contract/plans';

/** Who made a call: the dashboard keeping itself fresh, or the user asking for something. */
export type CallSource = 'dashboard' | 'user';

/** One response's `X-RateLimit-*` headers, with what the call was. */
export interface RateLimitSample {
  at: number;
  limit: number;
  remaining: number;
  /** Unix seconds. */
  reset: number;
  window: RateLimitWindow;
  source: CallSource;
  method: string;
  path: string;
  status: number;
  code: string | null;
  retryAfter: number | null;
}

const HISTORY_SIZE = 500;

interface RateLimitState {
  latest: RateLimitSample | null;
  history: readonly RateLimitSample[];
  responseObserved: (sample: RateLimitSample) => void;
  historyCleared: () => void;
}

/** The one store of rate-limit state, fed by the HTTP client from every response. */
export const useRateLimitStore = create<RateLimitState>()((set) => ({
  latest: null,
  history: [],
  responseObserved: (sample) =>
    set((state) => ({ latest: sample, history: [...state.history.slice(-(HISTORY_SIZE - 1)), sample] })),
  historyCleared: () => set({ latest: null, history: [] }),
}));

export const useLatestRateLimit = () => useRateLimitStore((state) => state.latest);
