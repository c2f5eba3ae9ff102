import { z } from 'zod';

export const REFUND_SORTS = ['at', 'request', 'code', 'credits'] as const;
export type RefundSort = (typeof REFUND_SORTS)[number];

/**
 * /usage?zone=…&code=…&mismatch=…&sort=…&dir=…&day=…: the time zone the days are read in, and the refund
 * history's filters and order, all in the URL so a link shows the same view. A bad value is dropped, not an error.
 */
export const usageSearchSchema = z.object({
  /** Days are UTC unless `local` asks for the browser's time zone. */
  zone: z.enum(['utc', 'local']).optional().catch(undefined),
  code: z
    .string()
    .regex(/^[A-Z_]{1,64}$/)
    .optional()
    .catch(undefined),
  mismatch: z.boolean().optional().catch(undefined),
  sort: z.enum(REFUND_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  /** One day picked on a chart: the refund history shows that day's. */
  day: z.iso.date().optional().catch(undefined),
});
