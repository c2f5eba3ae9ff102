import type { TestServer } from '../../support/test-server';
import { NODE_HEADERS, toCamelCaseKeys } from './client-bodies';
import { ClientError, send, sleep, type Attempt } from './client-replay';

type Json = Record<string, unknown>;

/** The Node SDK 2.0.0 (node/src/index.ts @766a5b8) replayed: its transport, retries and job polling. */
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
