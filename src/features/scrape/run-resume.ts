import { z } from 'zod';
import type { ScrapeRequest } from '../../../contract/scrape';

const RUN_SLOT = 'scrape-dashboard.scrape-run';

/**
 * The run in flight, kept in this tab so a reload or a visit to another page does not lose it: an async job is
 * resumed by its id, a sync run that was cut off says so. Only what that needs is kept: never the key, never a
 * cookie (names included), never the result.
 */
const storedRunSchema = z.object({
  kind: z.enum(['job', 'sync']),
  jobId: z.string().min(1).optional(),
  /** Checked as a request when it is sent again, not here: the stored copy is only shown and re-run. */
  request: z.looseObject({ url: z.string() }),
  startedAt: z.number(),
});
export type StoredRun = z.infer<typeof storedRunSchema> & { request: ScrapeRequest };

/** The request without its cookies: they are secrets the user may not want left in storage. */
function withoutCookies(request: ScrapeRequest): ScrapeRequest {
  const { cookies: _inline, ...rest } = request;
  if (!rest.advanced?.cookies) return rest;
  const { cookies: _advanced, ...advanced } = rest.advanced;
  return { ...rest, advanced };
}

export function runStarted(run: StoredRun) {
  try {
    sessionStorage.setItem(RUN_SLOT, JSON.stringify({ ...run, request: withoutCookies(run.request) }));
  } catch {
    // Storage may be disabled or full: the run still works, it just does not survive a reload.
  }
}

export function runEnded() {
  try {
    sessionStorage.removeItem(RUN_SLOT);
  } catch {
    // Nothing was stored.
  }
}

export function storedRun(): StoredRun | null {
  try {
    const text = sessionStorage.getItem(RUN_SLOT);
    if (text === null) return null;
    const parsed = storedRunSchema.safeParse(JSON.parse(text));
    if (!parsed.success || (parsed.data.kind === 'job' && !parsed.data.jobId)) return null;
    return parsed.data as StoredRun;
  } catch {
    return null;
  }
}
