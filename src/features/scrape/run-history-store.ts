import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { scrapeRequestSchema, type ScrapeRequest, type ScrapeResult } from '../../../contract/scrape';
import { scrapeRequestFieldsSchema } from '../../../contract/scrape-request';

/** How a run ended, as the page reports it: the result, or the failure's status, code, request id and refund. */
export type RunOutcome =
  | { ok: true; status: number; result: ScrapeResult }
  | { ok: false; status: number; code: string; requestId: string | null; refunded: boolean | null };

export const HISTORY_LIMIT = 50;
const HISTORY_SLOT = 'scrape-dashboard.run-history';

/** What is kept of a run's answer: enough to list it and to link its error code to the guidance. */
const historyOutcomeSchema = z.object({
  ok: z.boolean(),
  status: z.number(),
  code: z.string().nullable(),
  tier: z.string().nullable(),
  credits: z.number().nullable(),
  cached: z.boolean(),
});
export type HistoryOutcome = z.infer<typeof historyOutcomeSchema>;

// The stored request is checked with the contract's own schema, so a reopened run is one the API accepts.
const historyEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  request: z.custom<ScrapeRequest>((value) => scrapeRequestSchema.safeParse(value).success),
  outcome: historyOutcomeSchema,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

interface RunHistoryState {
  /** Newest first, at most HISTORY_LIMIT. */
  entries: HistoryEntry[];
  runFinished: (request: ScrapeRequest, outcome: RunOutcome) => void;
  historyCleared: () => void;
}

/**
 * Only the request's own fields are kept (nothing else that may ride along on the object), and cookie values
 * are blanked: they are credentials, and localStorage outlives the tab. The names stay, to show what was sent.
 */
function requestForHistory(request: ScrapeRequest): ScrapeRequest {
  const kept: Record<string, unknown> = {};
  for (const field of Object.keys(scrapeRequestFieldsSchema.shape)) {
    const value = (request as Record<string, unknown>)[field];
    if (value !== undefined) kept[field] = value;
  }
  const blank = (cookies: Record<string, string> | string) =>
    typeof cookies === 'string'
      ? cookies.replace(/=[^;]*/g, '=')
      : Object.fromEntries(Object.keys(cookies).map((name) => [name, '']));
  if (request.cookies) kept.cookies = blank(request.cookies);
  if (request.advanced?.cookies) kept.advanced = { ...request.advanced, cookies: blank(request.advanced.cookies) };
  return kept as ScrapeRequest;
}

function outcomeForHistory(outcome: RunOutcome): HistoryOutcome {
  if (!outcome.ok)
    return { ok: false, status: outcome.status, code: outcome.code, tier: null, credits: null, cached: false };
  const { billing, cached } = outcome.result;
  return {
    ok: true,
    status: outcome.status,
    code: null,
    tier: billing.tier_used,
    credits: billing.total_credits,
    cached,
  };
}

// randomUUID exists only in secure contexts; the dashboard may be served over plain http on a LAN address.
const newId = () =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The runs made in this browser: a UI-only record (the API's request log is the shared one). */
export const useRunHistoryStore = create<RunHistoryState>()(
  persist(
    (set) => ({
      entries: [],
      runFinished: (request, outcome) =>
        set((state) => ({
          entries: [
            {
              id: newId(),
              at: new Date().toISOString(),
              request: requestForHistory(request),
              outcome: outcomeForHistory(outcome),
            },
            ...state.entries,
          ].slice(0, HISTORY_LIMIT),
        })),
      historyCleared: () => set({ entries: [] }),
    }),
    {
      name: HISTORY_SLOT,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ entries: state.entries }),
      // What another version of the dashboard (or a person) left in storage is checked, not trusted.
      merge: (persisted, current) => {
        const entries = (persisted as { entries?: unknown } | undefined)?.entries;
        const valid = Array.isArray(entries)
          ? entries.filter((entry) => historyEntrySchema.safeParse(entry).success).slice(0, HISTORY_LIMIT)
          : [];
        return { ...current, entries: valid as HistoryEntry[] };
      },
    },
  ),
);
