import type { TestServer } from '../../support/test-server';
import { MCP_HEADERS } from './client-bodies';
import { ClientError, json, send, sleep, type Attempt } from './client-replay';

type Json = Record<string, unknown>;

/** The MCP server (src/client.ts @589c112) replayed: its transport, retries, balance headers and screenshots. */
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
