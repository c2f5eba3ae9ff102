import { requestLogEntrySchema, requestLogPageSchema, type RequestLogQuery } from '../../../contract/request-log';
import { sandboxInfoSchema } from '../../../contract/sandbox';
import { dailyUsageListSchema, usageSchema } from '../../../contract/usage';
import { ApiError } from '../api-error';
import { request } from '../http-client';

export const getUsage = (signal?: AbortSignal) => request(usageSchema, '/usage', { signal }).then((r) => r.data);

/** GET /usage/daily (ours): one entry per UTC day with activity. */
export const getDailyUsage = (days: number, signal?: AbortSignal) =>
  request(dailyUsageListSchema, '/usage/daily', { query: { days }, signal }).then((r) => r.data);

/** Checks a key before the dashboard keeps it: the usage call either answers or says why not. */
export const verifyApiKey = (apiKey: string) =>
  request(usageSchema, '/usage', { apiKey, source: 'user' }).then((r) => r.data);

/** The sandbox's own description (ours). The real API has none: a 404 there means "not a sandbox". */
export async function getSandboxInfo(signal?: AbortSignal) {
  try {
    return (await request(sandboxInfoSchema, '/sandbox/info', { signal, apiKey: null })).data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const listRequests = (query: RequestLogQuery, signal?: AbortSignal) =>
  request(requestLogPageSchema, '/requests', { query, signal }).then((r) => r.data);

export const getRequest = (requestId: string, signal?: AbortSignal) =>
  request(requestLogEntrySchema, `/requests/${encodeURIComponent(requestId)}`, { signal }).then((r) => r.data);
