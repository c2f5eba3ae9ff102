import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  deliveryListSchema,
  deliverySchema,
  deliverySummarySchema,
  recoverResultSchema,
  webhookDetailSchema,
  webhookListSchema,
  webhookSchema,
  webhookWithSecretSchema,
  type CreateWebhook,
  type DeliveryStatus,
  type DeliverySummary,
  type UpdateWebhook,
  type WebhookEvent,
} from '../../contract/webhooks';
import { noContentSchema } from '../../contract/no-content';
import { request } from './http-client';

const path = (id: string) => `/user-webhooks/${encodeURIComponent(id)}`;
const deliveryPath = (id: string, deliveryId: string) => `${path(id)}/deliveries/${encodeURIComponent(deliveryId)}`;
/**
 * While a delivery is pending its log is read again when its next attempt is due (an attempt may take the
 * receiver's whole time limit, so no sooner than the floor, and no later than the ceiling); nothing pending, no
 * polling. The dashboard's calls spend the key's rate limit, so it never polls faster than that.
 */
const REFETCH_FLOOR_MS = 2_000;
const REFETCH_CEILING_MS = 15_000;
/**
 * When to look again at pending deliveries. The server's clock and the browser's need not agree, so the wait is read
 * in the server's own times (its next attempt after the delivery's creation), counted from when the log was read.
 */
function untilDue(deliveries: readonly DeliverySummary[] | undefined, readAt: number): number | false {
  const waits = (deliveries ?? [])
    .filter((delivery) => delivery.status === 'pending')
    .map((delivery) =>
      delivery.next_attempt_at ? Date.parse(delivery.next_attempt_at) - Date.parse(delivery.created_at) : 0,
    );
  if (waits.length === 0) return false;
  const due = Math.min(...waits) - (Date.now() - readAt) + 500;
  return Math.min(REFETCH_CEILING_MS, Math.max(REFETCH_FLOOR_MS, due));
}

/** Webhook endpoints and their delivery logs: GET /user-webhooks, /user-webhooks/{id}, …/deliveries. */
export const webhookQueries = {
  all: () => ['webhooks'] as const,
  lists: () => [...webhookQueries.all(), 'list'] as const,
  list: () =>
    queryOptions({
      queryKey: webhookQueries.lists(),
      queryFn: ({ signal }) => request(webhookListSchema, '/user-webhooks', { signal }).then((r) => r.data),
    }),
  details: () => [...webhookQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...webhookQueries.details(), id],
      queryFn: ({ signal }) => request(webhookDetailSchema, path(id), { signal }).then((r) => r.data),
    }),
  deliveries: (id: string, status?: DeliveryStatus) =>
    queryOptions({
      queryKey: [...webhookQueries.details(), id, 'deliveries', status ?? 'all'],
      queryFn: ({ signal }) =>
        request(deliveryListSchema, `${path(id)}/deliveries`, { query: { status }, signal }).then((r) => r.data),
      refetchInterval: (query) => untilDue(query.state.data?.deliveries, query.state.dataUpdatedAt),
    }),
  delivery: (id: string, deliveryId: string) =>
    queryOptions({
      queryKey: [...webhookQueries.details(), id, 'delivery', deliveryId],
      queryFn: ({ signal }) => request(deliverySchema, deliveryPath(id, deliveryId), { signal }).then((r) => r.data),
      refetchInterval: (query) => untilDue(query.state.data && [query.state.data], query.state.dataUpdatedAt),
    }),
  /** How many failed deliveries a recovery since `since` would resend: shown before the user runs it. */
  recoverPreview: (id: string, since: string) =>
    queryOptions({
      queryKey: [...webhookQueries.details(), id, 'recover', since],
      queryFn: ({ signal }) =>
        request(recoverResultSchema, `${path(id)}/recover`, { query: { since }, signal }).then((r) => r.data),
    }),
};

/** Anything about an endpoint changed: its list row, its details and its log are read again. */
const endpointChanged = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: webhookQueries.all() });

/** Every write is something the user asked for, so the rate-limit meter counts it as theirs. */
export const webhookMutations = {
  /** The answer holds the secret, the only time it is shown. */
  create: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'create'],
      mutationFn: (body: CreateWebhook) =>
        request(webhookWithSecretSchema, '/user-webhooks', { method: 'POST', body, source: 'user' }).then(
          (r) => r.data,
        ),
      onSuccess: () => endpointChanged(queryClient),
    }),
  update: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'update'],
      mutationFn: ({ id, body }: { id: string; body: UpdateWebhook }) =>
        request(webhookSchema, path(id), { method: 'PUT', body, source: 'user' }).then((r) => r.data),
      onSuccess: () => endpointChanged(queryClient),
    }),
  setActive: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'set-active'],
      mutationFn: ({ id, active }: { id: string; active: boolean }) =>
        request(webhookSchema, `${path(id)}/${active ? 'enable' : 'disable'}`, { method: 'POST', source: 'user' }).then(
          (r) => r.data,
        ),
      onSuccess: () => endpointChanged(queryClient),
    }),
  rotateSecret: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'rotate-secret'],
      mutationFn: (id: string) =>
        request(webhookWithSecretSchema, `${path(id)}/rotate-secret`, { method: 'POST', source: 'user' }).then(
          (r) => r.data,
        ),
      onSuccess: () => endpointChanged(queryClient),
    }),
  /** 204, no body. */
  remove: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'delete'],
      mutationFn: (id: string) =>
        request(noContentSchema, path(id), { method: 'DELETE', source: 'user' }).then(() => id),
      onSuccess: (id) => {
        queryClient.removeQueries({ queryKey: [...webhookQueries.details(), id] });
        return queryClient.invalidateQueries({ queryKey: webhookQueries.lists() });
      },
    }),
  sendTest: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'test'],
      mutationFn: ({ id, event }: { id: string; event?: WebhookEvent }) =>
        request(deliverySummarySchema, `${path(id)}/test`, { method: 'POST', body: { event }, source: 'user' }).then(
          (r) => r.data,
        ),
      onSuccess: () => endpointChanged(queryClient),
    }),
  resend: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'resend'],
      mutationFn: ({ id, deliveryId }: { id: string; deliveryId: string }) =>
        request(deliverySummarySchema, `${deliveryPath(id, deliveryId)}/resend`, {
          method: 'POST',
          source: 'user',
        }).then((r) => r.data),
      onSuccess: () => endpointChanged(queryClient),
    }),
  recover: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'recover'],
      mutationFn: ({ id, since }: { id: string; since: string }) =>
        request(recoverResultSchema, `${path(id)}/recover`, { method: 'POST', body: { since }, source: 'user' }).then(
          (r) => r.data,
        ),
      onSuccess: () => endpointChanged(queryClient),
    }),
};
