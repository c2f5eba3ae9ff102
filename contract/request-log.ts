import { z } from 'zod';

/** One call made with a key, as support staff search it (ours). */
export const requestLogEntrySchema = z.object({
  request_id: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  code: z.string().nullable(),
  duration_ms: z.number().nonnegative(),
  at: z.iso.datetime(),
  credits_charged: z.number().nonnegative(),
  credits_refunded: z.number().nonnegative(),
  tier: z.string().nullable(),
  url: z.string().nullable(),
  /** The stored session the request used (a scrape's or a validation's), if any. */
  session_id: z.string().nullable(),
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;

export const requestLogQuerySchema = z.object({
  code: z
    .string()
    .regex(/^[A-Z_]+$/, 'An error code is upper case, like TIMEOUT')
    .optional(),
  status: z.coerce.number().int().min(100).max(599).optional(),
  since: z.iso.datetime().optional(),
  /** Only the requests that used this stored session. */
  session: z.string().min(1).max(100).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RequestLogQuery = Partial<z.output<typeof requestLogQuerySchema>>;

export const requestLogPageSchema = z.object({
  requests: z.array(requestLogEntrySchema),
  next_cursor: z.string().nullable(),
});
export type RequestLogPage = z.infer<typeof requestLogPageSchema>;
