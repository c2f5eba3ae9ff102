import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createSessionSchema,
  sessionListQuerySchema,
  refreshSessionSchema,
  Session,
  updateSessionSchema,
} from '../../contract/sessions';
import { request } from './http-client';

// The session list is among the first calls the app starts (src/app/first-page.ts): the schemas load beside the
// calls (see SchemaSource), so starting them needs no zod.
const contract = () => import('../../contract/sessions');
const sessionListSchema = () => contract().then((module) => module.sessionListSchema);
const sessionSchema = () => contract().then((module) => module.sessionSchema);
const sessionValidationSchema = () => contract().then((module) => module.sessionValidationSchema);
const noContentSchema = () => import('../../contract/no-content').then((module) => module.noContentSchema);

export type SessionListQuery = z.input<typeof sessionListQuerySchema>;
type CreateBody = z.input<typeof createSessionSchema>;
type UpdateBody = z.input<typeof updateSessionSchema>;
type RefreshBody = z.input<typeof refreshSessionSchema>;

const path = (id: string) => `/sessions/${encodeURIComponent(id)}`;

/** Stored login sessions (BYOS): GET /sessions and GET /sessions/{id}. */
export const sessionQueries = {
  all: () => ['sessions'] as const,
  lists: () => [...sessionQueries.all(), 'list'] as const,
  /** `{}` is every session: the limit meter, the overview and the scrape page's picker share it. */
  list: (query: SessionListQuery = {}) =>
    queryOptions({
      queryKey: [...sessionQueries.lists(), query],
      queryFn: ({ signal }) => request(sessionListSchema, '/sessions', { query, signal }).then((r) => r.data),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'detail', id],
      queryFn: ({ signal }) => request(sessionSchema, path(id), { signal }).then((r) => r.data),
    }),
};

/** A session changed: its detail takes the answer, and every list (status, counts, the meter) refetches. */
function sessionChanged(queryClient: QueryClient, session: Session) {
  queryClient.setQueryData(sessionQueries.detail(session.id).queryKey, session);
  return queryClient.invalidateQueries({ queryKey: sessionQueries.lists() });
}

/** Every write is something the user asked for, so the rate-limit meter counts it as theirs. */
export const sessionMutations = {
  create: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...sessionQueries.all(), 'create'],
      mutationFn: (body: CreateBody) =>
        request(sessionSchema, '/sessions', { method: 'POST', body, source: 'user' }).then((r) => r.data),
      onSuccess: (session) => sessionChanged(queryClient, session),
    }),
  update: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...sessionQueries.all(), 'update'],
      mutationFn: ({ id, body }: { id: string; body: UpdateBody }) =>
        request(sessionSchema, path(id), { method: 'PATCH', body, source: 'user' }).then((r) => r.data),
      onSuccess: (session) => sessionChanged(queryClient, session),
    }),
  refresh: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...sessionQueries.all(), 'refresh'],
      mutationFn: ({ id, body }: { id: string; body: RefreshBody }) =>
        request(sessionSchema, `${path(id)}/refresh`, { method: 'POST', body, source: 'user' }).then((r) => r.data),
      onSuccess: (session) => sessionChanged(queryClient, session),
    }),
  /** Validation scrapes the session's site with its cookies: what it saw comes back with the updated session. */
  validate: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...sessionQueries.all(), 'validate'],
      mutationFn: (id: string) =>
        request(sessionValidationSchema, `${path(id)}/validate`, { method: 'POST', source: 'user' }).then(
          (r) => r.data,
        ),
      onSuccess: (validation) => sessionChanged(queryClient, validation.session),
    }),
  /** 204, no body. */
  remove: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...sessionQueries.all(), 'delete'],
      mutationFn: (id: string) =>
        request(noContentSchema, path(id), { method: 'DELETE', source: 'user' }).then(() => id),
      onSuccess: (id) => {
        queryClient.removeQueries({ queryKey: sessionQueries.detail(id).queryKey });
        return queryClient.invalidateQueries({ queryKey: sessionQueries.lists() });
      },
    }),
};
