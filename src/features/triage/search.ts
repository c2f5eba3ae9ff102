import { z } from 'zod';
import { ERROR_GROUPINGS } from '../../../contract/request-detail';

/** The periods the errors view offers, in days ending today (UTC). */
export const ERROR_PERIODS = [1, 7, 30, 90] as const;

/**
 * /triage?days=…&group=…: the errors view's period and grouping, in the URL so a view can be shared. Nothing pasted
 * into the decoder goes here: a paste stays in the page. A bad value is dropped, not an error.
 */
export const triageSearchSchema = z.object({
  days: z.coerce
    .number()
    .refine((days): days is (typeof ERROR_PERIODS)[number] => (ERROR_PERIODS as readonly number[]).includes(days))
    .optional()
    .catch(undefined),
  group: z.enum(ERROR_GROUPINGS).optional().catch(undefined),
});

export const DEFAULT_PERIOD = 7;

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The whole UTC days of a period ending today: the API's since (included) and until (excluded), and the log's days. */
export function periodOf(days: number, now: Date) {
  const tomorrow = (Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS;
  const since = tomorrow - days * DAY_MS;
  return {
    since: new Date(since).toISOString(),
    until: new Date(tomorrow).toISOString(),
    firstDay: isoDay(since),
    dayAfter: isoDay(tomorrow),
  };
}
