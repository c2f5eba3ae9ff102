import type { FastifyBaseLogger } from 'fastify';
import { WEBHOOK_MAX_ATTEMPTS, type DeliveryStatus } from '../../contract/webhooks';
import type { Clock } from '../clock';
import type { WebhookRow, WebhooksRepository } from '../repositories/webhooks-repository';
import type { DeliveryTarget } from './delivery-target';
import { sendDelivery } from './send-delivery';

/** Sends at once, across endpoints; each endpoint gets one at a time, so a receiver that hangs delays only its own. */
const MAX_IN_FLIGHT = 16;

interface WorkerDeps {
  repository: WebhooksRepository;
  target: DeliveryTarget;
  clock: Clock;
  openSecret: (webhook: WebhookRow) => string;
  timeoutMs: number;
  retryBaseMs: number;
  log: FastifyBaseLogger;
}

/** Wait before attempt n + 1: base × 2^(n − 1), so the base, then twice it. */
const backoffMs = (base: number, attempt: number) => base * 2 ** (attempt - 1);

/**
 * Sends stored deliveries when they are due. Each is stored with its next attempt's time before it is sent, so a
 * stopped server's pending deliveries are scheduled again by `resume` at the next start.
 */
export function createDeliveryWorker(deps: WorkerDeps) {
  const timers = new Map<string, NodeJS.Timeout>();
  const ready: string[] = [];
  const running = new Set<Promise<void>>();
  /** Endpoints with a send under way: their next delivery waits, others' go ahead. */
  const busy = new Set<string>();
  const stop = new AbortController();

  function pump() {
    let index = 0;
    while (!stop.signal.aborted && running.size < MAX_IN_FLIGHT && index < ready.length) {
      const id = ready[index]!;
      const webhookId = deps.repository.deliveryById(id)?.webhook_id ?? null;
      if (webhookId !== null && busy.has(webhookId)) {
        index++;
        continue;
      }
      ready.splice(index, 1);
      if (webhookId !== null) busy.add(webhookId);
      const task = attempt(id)
        .catch((error: unknown) => deps.log.error({ err: error, deliveryId: id }, 'webhook delivery failed'))
        .finally(() => {
          running.delete(task);
          if (webhookId !== null) busy.delete(webhookId);
          pump();
        });
      running.add(task);
    }
  }

  function schedule(id: string, at: number) {
    if (stop.signal.aborted) return;
    clearTimeout(timers.get(id));
    const timer = setTimeout(
      () => {
        timers.delete(id);
        ready.push(id);
        pump();
      },
      Math.max(0, at - deps.clock.now()),
    );
    timer.unref();
    timers.set(id, timer);
  }

  async function attempt(id: string) {
    const delivery = deps.repository.deliveryById(id);
    if (!delivery || delivery.status !== 'pending') return;
    const webhook = deps.repository.find(delivery.account_id, delivery.webhook_id);
    if (!webhook) return;
    const number = delivery.attempt_count + 1;
    const at = deps.clock.now();
    const result = await sendDelivery(deps.target, {
      url: webhook.url,
      body: delivery.payload,
      secret: deps.openSecret(webhook),
      event: delivery.event,
      deliveryId: delivery.id,
      timeoutMs: deps.timeoutMs,
      stop: stop.signal,
    });
    if (stop.signal.aborted) return;
    const status: DeliveryStatus = result.ok ? 'delivered' : number >= WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'pending';
    const next = status === 'pending' ? deps.clock.now() + backoffMs(deps.retryBaseMs, number) : null;
    deps.repository.recordAttempt(
      { ...result, delivery_id: id, attempt: number, at, ok: result.ok ? 1 : 0 },
      { status, next_attempt_at: next, webhook_id: webhook.id },
    );
    if (next !== null) schedule(id, next);
  }

  return {
    schedule,
    /** Pending deliveries a stopped server left, each at its stored time (at once if that has passed). */
    resume() {
      for (const delivery of deps.repository.pending()) schedule(delivery.id, delivery.next_attempt_at ?? 0);
    },
    /** Stops sending: timers cleared, sends under way aborted and left pending for the next start. */
    async close() {
      stop.abort();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
