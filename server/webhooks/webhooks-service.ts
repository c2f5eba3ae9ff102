import { randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import type {
  createWebhookSchema,
  deliveryListQuerySchema,
  DeliverySummary,
  RecoverResult,
  updateWebhookSchema,
  WebhookEvent,
  WebhookWithSecret,
} from '../../contract/webhooks';
import type { Clock } from '../clock';
import { fail } from '../errors';
import type { Sealer } from '../plugins/secrets-key';
import type { DeliveryRow, NewDelivery, WebhookRow, WebhooksRepository } from '../repositories/webhooks-repository';
import type { JobEnded } from '../scrapes/scrapes-service';
import { deliveryTarget, type DeliveryTarget } from './delivery-target';
import { createDeliveryWorker, type DeliveryWorker } from './delivery-worker';
import { jobPayload, testPayload } from './job-payload';
import { newWebhookSecret } from './signing';
import { deliverySummaryView, deliveryView, statsView, webhookView } from './webhook-view';

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
/** The additional data a secret is sealed with: it opens on its own endpoint of its own account only. */
const sealContext = (row: Pick<WebhookRow, 'account_id' | 'id'>) => `webhook:${row.account_id}:${row.id}`;

// One answer for an unknown id and another account's: neither says the other exists.
const notFound = (): never => {
  throw fail('NOT_FOUND', 'Webhook not found');
};
const deliveryNotFound = (): never => {
  throw fail('NOT_FOUND', 'Delivery not found');
};
const duplicate = (url: string) =>
  fail('WEBHOOK_ALREADY_EXISTS', `A webhook for ${url} exists already`, {
    details: { field: 'url', issues: [{ field: 'url', message: 'A webhook for this URL exists already' }] },
  });

interface Deps {
  repository: WebhooksRepository;
  sealer: Sealer;
  clock: Clock;
  target: DeliveryTarget;
  worker: (openSecret: (row: WebhookRow) => string) => DeliveryWorker;
}

/** Webhook endpoints and their deliveries, each account's own (issue 15). */
export function createWebhooksService(deps: Deps) {
  const { repository, clock } = deps;
  const openSecret = (row: WebhookRow) =>
    deps.sealer.open({ iv: row.secret_iv, tag: row.secret_tag, data: row.secret_data }, sealContext(row));
  const worker = deps.worker(openSecret);

  function owned(accountId: string, id: string): WebhookRow {
    return repository.find(accountId, id) ?? notFound();
  }
  const view = (row: WebhookRow) => webhookView(row, repository.stats(row.account_id, row.id));
  const sealed = (row: Pick<WebhookRow, 'account_id' | 'id'>, secret: string) => ({
    secret: deps.sealer.seal(secret, sealContext(row)),
    last4: secret.slice(-4),
  });

  function enqueue(delivery: Omit<NewDelivery, 'id' | 'now'>): DeliverySummary {
    const row = { ...delivery, id: newId('dlv'), now: clock.now() };
    if (row.resend_of) repository.insertResend({ ...row, resend_of: row.resend_of });
    else repository.insertDelivery(row);
    worker.schedule(row.id, row.now);
    return deliverySummaryView(repository.deliveryById(row.id)!);
  }

  /** A resend of `original`: its body and event again, linked to it. */
  const again = (original: DeliveryRow) =>
    enqueue({
      webhook_id: original.webhook_id,
      account_id: original.account_id,
      event: original.event,
      payload: original.payload,
      resend_of: original.id,
      job_id: original.job_id,
      test: original.test === 1,
    });

  const failedSince = (accountId: string, id: string, since: string) =>
    repository.failedSince(accountId, owned(accountId, id).id, Date.parse(since));

  return {
    list(accountId: string) {
      const webhooks = repository.list(accountId).map(view);
      return { webhooks, total: webhooks.length };
    },

    async create(accountId: string, input: z.output<typeof createWebhookSchema>): Promise<WebhookWithSecret> {
      await deps.target.check(input.url);
      const id = newId('wh');
      const secret = newWebhookSecret();
      const row = { id, account_id: accountId, name: input.name || null, url: input.url, events: input.events };
      const inserted = repository.insert({ ...row, ...sealed(row, secret), now: clock.now() });
      if (!inserted) throw duplicate(input.url);
      return { ...view(owned(accountId, id)), secret };
    },

    get(accountId: string, id: string) {
      const row = owned(accountId, id);
      const stats = repository.stats(accountId, id);
      const recent = repository.deliveries(accountId, id, null, 10).map(deliverySummaryView);
      return { webhook: webhookView(row, stats), recent_deliveries: recent, stats: statsView(stats) };
    },

    async update(accountId: string, id: string, input: z.output<typeof updateWebhookSchema>) {
      const row = owned(accountId, id);
      if (input.url !== undefined && input.url !== row.url) await deps.target.check(input.url);
      const fields = {
        name: input.name === undefined ? row.name : input.name || null,
        url: input.url ?? row.url,
        events: input.events ?? (JSON.parse(row.events) as WebhookEvent[]),
        is_active: input.is_active ?? row.is_active === 1,
      };
      if (!repository.update(accountId, id, fields, clock.now())) throw duplicate(fields.url);
      return view(owned(accountId, id));
    },

    rotateSecret(accountId: string, id: string): WebhookWithSecret {
      const row = owned(accountId, id);
      const secret = newWebhookSecret();
      const { secret: sealedSecret, last4 } = sealed(row, secret);
      repository.rotateSecret(accountId, id, sealedSecret, last4, clock.now());
      return { ...view(owned(accountId, id)), secret };
    },

    remove(accountId: string, id: string) {
      if (!repository.remove(accountId, id)) notFound();
    },

    /** A sample event of the shape of a real one, sent to this endpoint alone, whether or not it is active. */
    sendTest(accountId: string, id: string, event: WebhookEvent | undefined, requestId: string) {
      const row = owned(accountId, id);
      const chosen = event ?? (JSON.parse(row.events) as WebhookEvent[])[0]!;
      const payload = testPayload(chosen, requestId, clock.now());
      return enqueue({
        webhook_id: id,
        account_id: accountId,
        event: chosen,
        payload,
        resend_of: null,
        job_id: null,
        test: true,
      });
    },

    deliveries(accountId: string, id: string, query: z.output<typeof deliveryListQuerySchema>) {
      owned(accountId, id);
      return {
        deliveries: repository.deliveries(accountId, id, query.status ?? null, query.limit).map(deliverySummaryView),
      };
    },

    delivery(accountId: string, id: string, deliveryId: string) {
      const row = repository.findDelivery(accountId, owned(accountId, id).id, deliveryId) ?? deliveryNotFound();
      return deliveryView(row, repository.attempts(row.id));
    },

    /** The same body again, as a new delivery of its own with three attempts, linked to the one it resends. */
    resend(accountId: string, id: string, deliveryId: string) {
      const original = repository.findDelivery(accountId, owned(accountId, id).id, deliveryId) ?? deliveryNotFound();
      return again(original);
    },

    /** How many failed deliveries since `since` a recovery would resend (each once: a resent one is not counted). */
    recoverPreview: (accountId: string, id: string, since: string): RecoverResult => ({
      since: new Date(Date.parse(since)).toISOString(),
      count: failedSince(accountId, id, since).length,
    }),

    recover(accountId: string, id: string, since: string): RecoverResult {
      const resent = failedSince(accountId, id, since).map((original) => again(original).id);
      return { since: new Date(Date.parse(since)).toISOString(), count: resent.length, deliveries: resent };
    },

    /** job.completed / job.failed to every active endpoint of the job's account that subscribes to it. */
    jobEnded(ended: JobEnded) {
      const { event, body } = jobPayload(ended, clock.now());
      for (const webhook of repository.subscribers(ended.job.accountId, event)) {
        enqueue({
          webhook_id: webhook.id,
          account_id: webhook.account_id,
          event,
          payload: body,
          resend_of: null,
          job_id: ended.job.id,
          test: false,
        });
      }
    },

    resume: () => worker.resume(),
    close: () => worker.close(),
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;

declare module 'fastify' {
  interface FastifyInstance {
    webhooks: WebhooksService;
  }
}

export default fp(
  async (app) => {
    const target = deliveryTarget(app.scraper.guard, app.config.webhookAllowedOrigins);
    const webhooks = createWebhooksService({
      repository: app.webhooksRepository,
      sealer: app.sealer,
      clock: app.clock,
      target,
      worker: (openSecret) =>
        createDeliveryWorker({
          repository: app.webhooksRepository,
          target,
          clock: app.clock,
          openSecret,
          timeoutMs: app.config.webhookTimeoutMs,
          retryBaseMs: app.config.webhookRetryBaseMs,
          log: app.log,
        }),
    });
    app.decorate('webhooks', webhooks);
    app.scrapes.onJobEnded((ended) => webhooks.jobEnded(ended));
    app.addHook('onReady', async () => webhooks.resume());
    app.addHook('onClose', async () => webhooks.close());
  },
  { name: 'webhooks', dependencies: ['webhooks-repository', 'secrets-key', 'clock', 'scraper', 'scrapes'] },
);
