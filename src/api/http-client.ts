import type { z } from 'zod';
import { HEADER } from '../../contract/headers';
import { ApiError } from './api-error';
import { useCredentialsStore } from './credentials-store';
import { type CallSource, keyFingerprint, useRateLimitStore } from './rate-limit-store';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /**
   * Defaults to 'dashboard': such calls carry `X-Dashboard-Call: background`, so the request log and the meter
   * can tell them from what the user asked for ('user').
   */
  source?: CallSource;
  /** Send without a key (sandbox info, the key check passes its own). */
  apiKey?: string | null;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Record<string, string>;
}

/**
 * A schema, or how to load it. The first screen's calls load theirs while the call is in flight, so the first load
 * carries no schema (nor zod); any other caller hands its schema over as it is.
 */
export type SchemaSource<S extends z.ZodType> = S | (() => Promise<S>);

const loadSchema = <S extends z.ZodType>(source: SchemaSource<S>): Promise<S> =>
  typeof source === 'function' ? source() : Promise.resolve(source);

/** The error envelope's schema, loaded with the first answer that is not 2xx. */
const envelopeSchema = () => import('../../contract/envelope').then((module) => module.errorEnvelopeSchema);

/**
 * The one HTTP client. It adds the key, records the rate-limit headers of every
 * response to a call made with the connected key, parses the body with the
 * contract's schema and throws ApiError on anything else. It never touches the UI.
 */
export async function request<S extends z.ZodType>(
  source: SchemaSource<S>,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<z.output<S>>> {
  const { apiBase } = useCredentialsStore.getState();
  const schema = loadSchema(source);
  // A call that fails never needs the schema; one not loaded yet must not count as an unhandled rejection.
  schema.catch(() => undefined);
  const { response, headers } = await send(buildUrl(apiBase, path, options.query), path, options);
  const method = options.method ?? 'GET';
  const parsed = (await schema).safeParse(response.status === 204 ? undefined : parseJson(await response.text()));
  if (!parsed.success) {
    // The server answered something the contract does not describe: say so, with where.
    throw new ApiError({
      status: response.status,
      code: 'UNEXPECTED_RESPONSE',
      message: `The API's answer to ${method} ${path} does not match the contract: ${parsed.error.issues[0]?.message ?? ''}`,
      requestId: headers[HEADER.requestId],
      headers,
    });
  }
  return { data: parsed.data, status: response.status, headers };
}

/**
 * A file the API serves on its own host (a result's `screenshot_url`, relative to the host as the API gives it),
 * as a Blob. It needs the key, so it is fetched here rather than by a URL the browser would load by itself, and
 * only from the API's own origin: the key never goes anywhere else.
 */
export async function requestBlob(hostPath: string, options: Pick<RequestOptions, 'signal' | 'source'> = {}) {
  const base = new URL(useCredentialsStore.getState().apiBase, globalThis.location?.href);
  const url = new URL(hostPath, base.origin);
  if (url.origin !== base.origin) {
    throw new ApiError({ status: 0, code: 'UNEXPECTED_RESPONSE', message: `${hostPath} is not on the API's host` });
  }
  const { response } = await send(url.href, url.pathname, { ...options, accept: '*/*' });
  return response.blob();
}

/** One call: the key, the meter, and an ApiError for a network failure or any answer that is not 2xx. */
async function send(
  url: string,
  path: string,
  options: RequestOptions & { accept?: string },
): Promise<{ response: Response; headers: Record<string, string> }> {
  const { apiBase, apiKey: storedKey } = useCredentialsStore.getState();
  const apiKey = options.apiKey === undefined ? storedKey : options.apiKey;
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (apiKey) headers['X-API-Key'] = apiKey;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  // Ours, so only for our own origin (the sandbox, or its proxy to the real API): another origin would have to
  // allow the header in its CORS preflight, and the real API's does not promise to.
  if ((options.source ?? 'dashboard') === 'dashboard' && isSameOrigin(url)) {
    headers[HEADER.dashboardCall] = 'background';
  }
  // Only the connected key's answers describe its limits: a key-less call shows the pre-auth bucket, and the
  // check of another key that key's.
  const meterKey = apiKey && apiKey === storedKey ? keyFingerprint(apiKey) : null;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError({
      status: 0,
      code: 'NETWORK_UNREACHABLE',
      message: `Could not reach the API at ${apiBase}`,
    });
  }

  const responseHeaders = headersToRecord(response.headers);
  if (!response.ok) {
    // A schema that could not load (the dashboard's own host gone) leaves the answer unread, not the call unreported.
    const [schema, body] = await Promise.all([envelopeSchema().catch(() => null), response.text()]);
    const envelope = schema?.safeParse(parseJson(body)) ?? ({ success: false } as const);
    const error = new ApiError({
      status: response.status,
      code: envelope.success ? envelope.data.error : `HTTP_${response.status}`,
      message: envelope.success ? envelope.data.message : response.statusText || `HTTP ${response.status}`,
      requestId: (envelope.success ? envelope.data.request_id : undefined) ?? responseHeaders[HEADER.requestId],
      details: envelope.success ? envelope.data.details : undefined,
      billing: envelope.success ? envelope.data.billing : undefined,
      retryAfter: envelope.success ? envelope.data.retry_after : undefined,
      headers: responseHeaders,
    });
    if (meterKey)
      observe(meterKey, responseHeaders, {
        method,
        path,
        status: response.status,
        code: error.code,
        source: options.source,
      });
    throw error;
  }
  if (meterKey)
    observe(meterKey, responseHeaders, { method, path, status: response.status, code: null, source: options.source });
  return { response, headers: responseHeaders };
}

function isSameOrigin(url: string): boolean {
  const here = globalThis.location?.href;
  return here !== undefined && new URL(url, here).origin === new URL(here).origin;
}

function buildUrl(base: string, path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value;
  });
  return record;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function observe(
  fingerprint: string,
  headers: Record<string, string>,
  call: { method: string; path: string; status: number; code: string | null; source: CallSource | undefined },
) {
  const limit = Number(headers[HEADER.limit]);
  const remaining = Number(headers[HEADER.remaining]);
  const reset = Number(headers[HEADER.reset]);
  // A server without rate-limit headers (or a proxy that strips them) leaves the meter as it was.
  if (![limit, remaining, reset].every(Number.isFinite) || headers[HEADER.limit] === undefined) return;
  const burstLimit = Number(headers[HEADER.burstLimit]);
  const burstRemaining = Number(headers[HEADER.burstRemaining]);
  const retryAfter = Number(headers[HEADER.retryAfter]);
  useRateLimitStore.getState().responseObserved(fingerprint, {
    at: Date.now(),
    limit,
    remaining,
    reset,
    // The real API publishes no burst: its headers describe the minute alone.
    burst:
      headers[HEADER.burstLimit] !== undefined && Number.isFinite(burstLimit) && Number.isFinite(burstRemaining)
        ? { limit: burstLimit, remaining: burstRemaining }
        : null,
    source: call.source ?? 'dashboard',
    method: call.method,
    path: call.path,
    status: call.status,
    code: call.code,
    retryAfter: Number.isFinite(retryAfter) && headers[HEADER.retryAfter] !== undefined ? retryAfter : null,
  });
}
