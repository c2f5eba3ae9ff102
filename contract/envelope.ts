import { z } from 'zod';

/** `billing` on a scraping error: whether the reserved credits came back. */
export const errorBillingSchema = z.object({
  refunded: z.boolean(),
  refunded_credits: z.number().nonnegative(),
});

/**
 * The error envelope of every failure (seed: error, message, request_id, details).
 * `detail` repeats `message` and `code` repeats `error`, because some official clients read those instead.
 */
export const errorEnvelopeSchema = z.object({
  error: z.string().min(1),
  code: z.string().optional(),
  message: z.string(),
  detail: z.unknown().optional(),
  request_id: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  billing: errorBillingSchema.optional(),
  retry_after: z.number().int().nonnegative().optional(),
  /** The Node SDK reads these at the top level (api-facts §5.1); `details` says the same. */
  field: z.string().optional(),
  balance_dollars: z.number().optional(),
  required_dollars: z.number().optional(),
  url: z.string().optional(),
  tier: z.number().int().optional(),
  /** ours: the dashboard's page for the code (`/errors/{code}`), absolute. */
  doc_url: z.string().optional(),
});

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
export type ErrorBilling = z.infer<typeof errorBillingSchema>;

/** One entry of `details.issues` on 400 INVALID_REQUEST. */
export const validationIssueSchema = z.object({
  field: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;
