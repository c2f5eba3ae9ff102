import type { TestServer } from '../../support/test-server';
import { PY_HEADERS, pyScrapePayload, type PyScrapeArgs } from './client-bodies';
import { ClientError, json, send, sleep, type Attempt } from './client-replay';

type Json = Record<string, unknown>;

/** The Python SDK v2 (python/alterlab/client.py @766a5b8) replayed: its transport, retries and job polling. */
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
