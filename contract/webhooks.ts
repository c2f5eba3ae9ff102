import { z } from 'zod';

/** The events an endpoint may subscribe to (api-contract: Webhooks). */
export const WEBHOOK_EVENTS = ['job.completed', 'job.failed'] as const;
export const webhookEventSchema = z.enum(WEBHOOK_EVENTS, {
  error: () => `Choose events among ${WEBHOOK_EVENTS.join(', ')}`,
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** api-facts §2.6: a receiver answers 2xx within 10 s, else the delivery is retried, 3 attempts in all. */
export const WEBHOOK_TIMEOUT_SECONDS = 10;
export const WEBHOOK_MAX_ATTEMPTS = 3;
/** Ours: the wait before attempt n + 1 is this × 2^(n − 1) (the sandbox's config may shorten it for tests). */
export const WEBHOOK_RETRY_BASE_SECONDS = 10;
/** Ours: how much of a receiver's answer an attempt keeps, and how many deliveries the success rate reads. */
export const WEBHOOK_RESPONSE_EXCERPT_CHARS = 1000;
export const WEBHOOK_RECENT_DELIVERIES = 50;
/** The header that carries `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Alterlab-Signature';

const urlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the URL that receives the events')
  .max(2048, 'At most 2,048 characters')
  .refine(
    (value) => /^https?:\/\/[^/?#\s]+/i.test(value) && URL.canParse(value),
    'Enter a full http:// or https:// URL',
  );
const eventsSchema = z.array(webhookEventSchema).min(1, 'Choose at least one event');
const nameSchema = z.string().trim().max(100, 'At most 100 characters');

export const createWebhookSchema = z.object({
  url: urlSchema,
  events: eventsSchema,
  name: nameSchema.nullable().optional(),
});
export type CreateWebhook = z.input<typeof createWebhookSchema>;

/** PUT fields (api-facts §2.6); any subset. */
export const updateWebhookSchema = z.object({
  url: urlSchema.optional(),
  events: eventsSchema.optional(),
  name: nameSchema.nullable().optional(),
  is_active: z.boolean().optional(),
});
export type UpdateWebhook = z.input<typeof updateWebhookSchema>;

const webhookStatsSchema = z.object({
  delivered: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  /** Delivered ÷ finished among the latest deliveries; null before any finished. */
  success_rate: z.number().min(0).max(1).nullable(),
});

export const webhookSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  url: z.string(),
  events: z.array(webhookEventSchema),
  is_active: z.boolean(),
  /** Failed deliveries in a row (api-facts §2.6); a delivered one resets it. */
  failure_count: z.number().int().nonnegative(),
  /** The secret's last 4 characters, so a receiver's copy can be recognised; the secret itself only once. */
  secret_last4: z.string(),
  stats: webhookStatsSchema,
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** Creation and rotation: the only answers that carry the secret. */
export const webhookWithSecretSchema = webhookSchema.extend({ secret: z.string() });
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

export const webhookListSchema = z.object({ webhooks: z.array(webhookSchema), total: z.number().int() });

export const deliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const deliveryAttemptSchema = z.object({
  attempt: z.number().int().positive(),
  at: z.iso.datetime(),
  /** The receiver's HTTP status; null when no answer came (timeout, refused connection). */
  status_code: z.number().int().nullable(),
  duration_ms: z.number().nonnegative(),
  ok: z.boolean(),
  response_excerpt: z.string().nullable(),
  /** `timeout` past the limit, else what stopped the request; null when an answer came. */
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

export const deliverySummarySchema = z.object({
  id: z.string(),
  webhook_id: z.string(),
  event: z.string(),
  status: deliveryStatusSchema,
  attempt_count: z.number().int().nonnegative(),
  last_status_code: z.number().int().nullable(),
  next_attempt_at: z.iso.datetime().nullable(),
  /** The delivery this one resends, when it is a resend. */
  resend_of: z.string().nullable(),
  job_id: z.string().nullable(),
  test: z.boolean(),
  created_at: z.iso.datetime(),
});
export type DeliverySummary = z.infer<typeof deliverySummarySchema>;

export const deliverySchema = deliverySummarySchema.extend({
  /** The exact body that was signed and sent. */
  payload: z.string(),
  attempts: z.array(deliveryAttemptSchema),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** GET /user-webhooks/{id}: api-facts' `{webhook, recent_deliveries[], stats{}}`. */
export const webhookDetailSchema = z.object({
  webhook: webhookSchema,
  recent_deliveries: z.array(deliverySummarySchema),
  stats: webhookStatsSchema,
});
export type WebhookDetail = z.infer<typeof webhookDetailSchema>;

export const deliveryListQuerySchema = z.object({
  status: deliveryStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const deliveryListSchema = z.object({ deliveries: z.array(deliverySummarySchema) });

const sinceSchema = z.iso.datetime({ offset: true, error: 'Enter a date and time' });
export const recoverQuerySchema = z.object({ since: sinceSchema });
export const recoverBodySchema = z.object({ since: sinceSchema });
/** The preview (GET) and the run (POST) answer the same count: what will be, or was, resent. */
export const recoverResultSchema = z.object({
  since: z.iso.datetime(),
  count: z.number().int().nonnegative(),
  deliveries: z.array(z.string()).optional(),
});
export type RecoverResult = z.infer<typeof recoverResultSchema>;

/** What every delivery POSTs: `{event, data}` (api-facts §2.6) with the job's ids and its result or error. */
export const webhookPayloadSchema = z.object({
  event: webhookEventSchema,
  created_at: z.iso.datetime(),
  data: z.object({
    job_id: z.string(),
    request_id: z.string(),
    status: z.enum(['succeeded', 'failed']),
    result: z.unknown().optional(),
    error: z.unknown().optional(),
    test: z.boolean().optional(),
  }),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
