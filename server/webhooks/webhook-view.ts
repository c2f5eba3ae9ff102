import type { DeliveryAttempt, Delivery, DeliverySummary, Webhook, WebhookEvent } from '../../contract/webhooks';
import type { AttemptRow, DeliveryRow, WebhookRow, WebhookStats } from '../repositories/webhooks-repository';

const iso = (ms: number) => new Date(ms).toISOString();

export function statsView(stats: WebhookStats) {
  const finished = stats.delivered + stats.failed;
  return { ...stats, success_rate: finished === 0 ? null : stats.delivered / finished };
}

/** An endpoint as every answer shows it: never its secret, only the secret's last 4 characters. */
export function webhookView(row: WebhookRow, stats: WebhookStats): Webhook {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEvent[],
    is_active: row.is_active === 1,
    failure_count: row.failure_count,
    secret_last4: row.secret_last4,
    stats: statsView(stats),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export function deliverySummaryView(row: DeliveryRow): DeliverySummary {
  return {
    id: row.id,
    webhook_id: row.webhook_id,
    event: row.event,
    status: row.status,
    attempt_count: row.attempt_count,
    last_status_code: row.last_status_code,
    next_attempt_at: row.status === 'pending' && row.next_attempt_at !== null ? iso(row.next_attempt_at) : null,
    resend_of: row.resend_of,
    job_id: row.job_id,
    test: row.test === 1,
    created_at: iso(row.created_at),
  };
}

const attemptView = (row: AttemptRow): DeliveryAttempt => ({
  attempt: row.attempt,
  at: iso(row.at),
  status_code: row.status_code,
  duration_ms: row.duration_ms,
  ok: row.ok === 1,
  response_excerpt: row.response_excerpt,
  error: row.error,
});

export const deliveryView = (row: DeliveryRow, attempts: AttemptRow[]): Delivery => ({
  ...deliverySummaryView(row),
  payload: row.payload,
  attempts: attempts.map(attemptView),
});
