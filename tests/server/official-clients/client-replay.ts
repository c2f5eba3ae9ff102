/**
 * The official clients' transports, retries and job polling, replayed against a test sandbox (issue 9).
 * Each class does what its client does (same headers, same retry rule, same poll loop) and keeps every
 * attempt, so tests can check both what the client ends up with and what each answer carried.
 * Sources as in client-bodies.ts.
 */
import type { TestServer } from '../../support/test-server';
import {
  MCP_HEADERS,
  NODE_HEADERS,
  PY_HEADERS,
  pyScrapePayload,
  toCamelCaseKeys,
  type PyScrapeArgs,
} from './client-bodies';

type Json = Record<string, unknown>;
export interface Attempt {
  path: string;
  status: number;
  headers: Headers;
  statusText: string;
  /** The parsed JSON, or the text when it is not JSON. */
  body: unknown;
}
/** Shorthand for reading an answer's JSON in tests. */
export const json = (attempt: Attempt | undefined) => (attempt?.body ?? {}) as Json;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One HTTP call as the clients make it: the host root plus `/api/v1/...`, headers exactly as given. */
async function send(
  server: TestServer,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Json,
): Promise<Attempt> {
  const host = server.api.replace(/\/api\/v1$/, '');
  const response = await fetch(`${host}${path}`, { method, headers, body: body && JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text, as the clients fall back to response.text
  }
  return { path, status: response.status, statusText: response.statusText, headers: response.headers, body: parsed };
}

/** The exception a client raises: its class name, the status and the message it would show. */
export class ClientError extends Error {
  constructor(
    readonly kind: string,
    readonly status: number,
    readonly detail: unknown,
    readonly extra: Json = {},
  ) {
    super(typeof detail === 'string' ? detail : String(detail));
  }
}

/** The error a call must end in; a call that succeeds fails the test here. */
export const failureOf = (call: Promise<unknown>): Promise<ClientError> =>
  call.then(
    (answer) => {
      throw new Error(`expected the client to raise, got ${JSON.stringify(answer).slice(0, 200)}`);
    },
    (error: unknown) => error as ClientError,
  );

// ── Python SDK v2 ───────────────────────────────────────────────────────────────────────────────

export class PythonSdk {
  readonly attempts: Attempt[] = [];
  constructor(
    private readonly server: TestServer,
    private readonly key: string,
  ) {}

  /** _request_with_retry (client.py:496-537): max_retries = 3 attempts, 4xx other than 429 raise at once. */
  async request(method: string, path: string, body?: Json): Promise<Attempt> {
    let last: Attempt | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const answer = await send(this.server, method, path, { 'X-API-Key': this.key, ...PY_HEADERS }, body);
      this.attempts.push(answer);
      if (answer.status < 400) return answer;
      if (answer.status < 500 && answer.status !== 429) throw pyError(answer);
      last = answer;
      const retryAfter = answer.headers.get('Retry-After'); // client.py:522-526: the header, else 1.0 * 2**attempt
      await sleep(retryAfter ? parseFloat(retryAfter) * 1000 : 1000 * 2 ** attempt);
    }
    throw new ClientError('AlterLabAPIError', last!.status, JSON.stringify(last!.body)); // client.py:516-520, 537
  }

  /** scrape() (client.py:780-826): a 202 is polled when sync, else returned as a stub holding the job id. */
  async scrape(url: string, args: PyScrapeArgs = {}) {
    const answer = await this.request('POST', '/api/v1/scrape', pyScrapePayload(url, args));
    const data = json(answer);
    if (answer.status === 202 && 'job_id' in data) {
      if (args.sync === false) return { url, status_code: 202, content: { job_id: data.job_id } };
      return this.waitForJob(String(data.job_id));
    }
    return data;
  }

  /** wait_for_job (client.py:828-871): every 0.5 s; succeeded → result, failed → ScrapeError(422, error). */
  async waitForJob(jobId: string, statuses: string[] = []) {
    for (const started = Date.now(); Date.now() - started < 300_000; await sleep(500)) {
      const job = json(await this.request('GET', `/api/v1/jobs/${jobId}`)); // get_job_status (client.py:873-894)
      statuses.push(String(job.status ?? 'pending'));
      if (job.status === 'succeeded') {
        if (job.result) return job.result as Json;
        throw new ClientError('ScrapeError', 200, 'Job completed but no result returned');
      }
      if (job.status === 'failed')
        throw new ClientError('ScrapeError', 422, job.error || 'Job failed', { code: 'JOB_FAILED' });
    }
    throw new ClientError('TimeoutError', 0, `Job ${jobId} did not complete within 300.0 seconds`);
  }
}

/** _handle_error_response (client.py:472-494): `detail` else the raw text; 429 takes int(Retry-After). */
function pyError(answer: Attempt): ClientError {
  const data = answer.body;
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  const detail = data && typeof data === 'object' && 'detail' in data ? (data as Json).detail : text;
  const kinds: Record<number, string> = {
    401: 'AuthenticationError',
    402: 'InsufficientCreditsError',
    422: 'ValidationError',
  };
  return new ClientError(kinds[answer.status] ?? 'AlterLabAPIError', answer.status, detail);
}

// ── Node SDK ────────────────────────────────────────────────────────────────────────────────────

export class NodeSdk {
  readonly attempts: Attempt[] = [];
  constructor(
    private readonly server: TestServer,
    private readonly key: string,
  ) {}

  /** requestWithRetry (index.ts:503-535): maxRetries 3 = 4 attempts, 1000 ms doubling; 429 waits body retry_after. */
  async request(method: string, path: string, body?: Json): Promise<unknown> {
    let delay = 1000;
    let lastError: ClientError | undefined;
    for (let attempt = 0; attempt <= 3; attempt++) {
      const answer = await send(this.server, method, path, { ...NODE_HEADERS, 'X-API-Key': this.key }, body);
      this.attempts.push(answer);
      if (answer.status >= 200 && answer.status < 300) return toCamelCaseKeys(answer.body); // index.ts:456-460
      lastError = nodeError(answer);
      if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) throw lastError;
      if (answer.status === 429 && lastError.extra.retryAfter) delay = Number(lastError.extra.retryAfter) * 1000;
      if (attempt < 3) {
        await sleep(delay);
        delay *= 2;
      }
    }
    throw lastError!;
  }

  /** waitForJob (index.ts:694-717): every 2 s, up to 300 s, until a poll ends it (nodeJobPoll). */
  async waitForJob(jobId: string, timeout = 300_000) {
    for (const started = Date.now(); Date.now() - started < timeout; await sleep(2000)) {
      const status = (await this.request('GET', `/api/v1/jobs/${jobId}`)) as Json; // getJobStatus (index.ts:684-689)
      const poll = nodeJobPoll(status);
      if (poll.kind === 'result') return poll.result;
      if (poll.kind === 'failed') throw poll.error;
    }
    throw new ClientError('TimeoutError', 0, `Job ${jobId} did not complete within ${timeout}ms`);
  }
}

/** What one poll of waitForJob does with a job (index.ts:705-711): `completed` with a result, `failed`, or poll on. */
export function nodeJobPoll(status: Json) {
  if (status.status === 'completed' && status.result) return { kind: 'result', result: status.result as Json } as const;
  if (status.status === 'failed') {
    return { kind: 'failed', error: new ClientError('ScrapeError', 422, status.error || 'Job failed') } as const;
  }
  return { kind: 'poll-again' } as const;
}

/** handleAPIError (index.ts:479-501): message = detail || message; the extras each class reads. */
function nodeError(answer: Attempt): ClientError {
  const data = answer.body && typeof answer.body === 'object' ? (answer.body as Json) : {}; // .json().catch(() => ({}))
  const message = data.detail || data.message || 'API error';
  const extras: Record<number, [string, Json]> = {
    401: ['AuthenticationError', {}],
    402: ['InsufficientCreditsError', { balanceDollars: data.balance_dollars, requiredDollars: data.required_dollars }],
    429: ['RateLimitError', { retryAfter: data.retry_after }],
    400: ['ValidationError', { field: data.field }],
    422: ['ScrapeError', { url: data.url, tier: data.tier }],
  };
  const [kind, extra] = extras[answer.status] ?? ['AlterLabAPIError', { code: data.code }];
  return new ClientError(kind, answer.status, message, extra);
}

// ── MCP server ──────────────────────────────────────────────────────────────────────────────────

export class McpClient {
  readonly attempts: Attempt[] = [];
  /** parseBalanceWarningHeaders (client.ts:76-102), after every answer that is not retried. */
  lastBalanceWarning: { level: string; balance: string; balance_usd: number | null } | null = null;
  constructor(
    private readonly server: TestServer,
    private readonly key: string,
  ) {}

  /** request (client.ts:104-160): MAX_RETRIES = 2, only 429 and 503 (never 504), Retry-After or 1 s doubling. */
  async request(method: string, path: string, body?: Json, retryCount = 0): Promise<Json> {
    const answer = await send(this.server, method, path, { 'X-API-Key': this.key, ...MCP_HEADERS }, body);
    this.attempts.push(answer);
    if ((answer.status === 429 || answer.status === 503) && retryCount < 2) {
      const retryAfter = answer.headers.get('Retry-After');
      await sleep(retryAfter ? parseInt(retryAfter, 10) * 1000 : Math.min(1000 * 2 ** retryCount, 8000));
      return this.request(method, path, body, retryCount + 1);
    }
    this.parseBalanceWarning(answer.headers);
    if (answer.status >= 400) {
      const data = answer.body;
      if (!data || typeof data !== 'object') throw new ClientError('ApiError', answer.status, answer.statusText);
      const detail = (data as Json).detail;
      throw new ClientError(
        'ApiError',
        answer.status,
        typeof detail === 'string' ? detail : JSON.stringify(detail || data),
      );
    }
    return json(answer);
  }

  private parseBalanceWarning(headers: Headers) {
    const balance = headers.get('X-AlterLab-Balance');
    const level = headers.get('X-AlterLab-Balance-Warning')?.trim().toLowerCase();
    if (!balance || !level || !['low', 'critical', 'exhausted'].includes(level)) {
      this.lastBalanceWarning = null;
      return;
    }
    const parsed = parseFloat(balance.trim().replace(/[^0-9.]/g, ''));
    this.lastBalanceWarning = { level, balance: balance.trim(), balance_usd: Number.isNaN(parsed) ? null : parsed };
  }

  /** fetchScreenshotAsBase64 (client.ts:334-356): the host root + screenshot_url, same key, no Content-Type. */
  async fetchScreenshot(screenshotUrl: string) {
    const host = this.server.api.replace(/\/api\/v1$/, '');
    const { 'Content-Type': _contentType, ...headers } = MCP_HEADERS;
    const url = screenshotUrl.startsWith('http') ? screenshotUrl : `${host}${screenshotUrl}`;
    return fetch(url, { headers: { 'X-API-Key': this.key, ...headers } });
  }
}
