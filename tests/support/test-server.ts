import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/app';
import { type Config, testConfig } from '../../server/config';
import { buildDemoWeb } from '../../server/demo-web/app';

export const DEMO_KEYS = {
  free: 'sk_test_free0000000000000000000000000000',
  growth: 'sk_test_growth00000000000000000000000000',
  highVolume: 'sk_test_highvolume0000000000000000000000',
  broke: 'sk_test_broke000000000000000000000000000',
  lapsed: 'sk_test_lapsed00000000000000000000000000',
  revoked: 'sk_test_revoked0000000000000000000000000',
} as const;

/** A scrape's answer, success or envelope: the fields tests read. */
export interface ScrapeAnswer {
  error?: string;
  message?: string;
  details?: Record<string, unknown> & { issues?: { field: string; message: string }[] };
  billing?: {
    refunded?: boolean;
    refunded_credits?: number;
    total_credits?: number;
    tier_used?: string | null;
    cached?: boolean;
    escalations?: { tier: string; result: string; credits: number; duration_ms: number; error: string | null }[];
  };
  status_code?: number;
  final_url?: string;
  title?: string | null;
  content?: string | Record<string, unknown>;
  cached?: boolean;
  request_id?: string;
  job_id?: string;
  status?: string;
}

export interface TestServer {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:41234/api/v1 */
  api: string;
  demoWebUrl: string;
  logs: () => string;
  call: (path: string, init?: RequestInit & { key?: string | null; json?: unknown }) => Promise<Response>;
  /** POST /scrape with `key`, the body's JSON parsed. */
  scrape: (key: string, body: Record<string, unknown>) => Promise<{ status: number; body: ScrapeAnswer }>;
  balance: (key: string) => Promise<number>;
  newKey: (plan?: string, balance?: number) => Promise<string>;
  close: () => Promise<void>;
}

/** A real sandbox on a free port with its own fresh data dir: one per test file. */
export async function startTestServer(
  overrides: Partial<Config> = {},
  extraApiRoutes?: AppOptions['extraApiRoutes'],
): Promise<TestServer> {
  // A data dir passed in belongs to the caller (restart tests); otherwise each server gets its own, removed on close.
  const ownsDataDir = overrides.dataDir === undefined;
  const dataDir = overrides.dataDir ?? mkdtempSync(path.join(tmpdir(), 'sandbox-test-'));
  let logText = '';
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logText += chunk.toString();
      done();
    },
  });
  const demoWeb = await buildDemoWeb();
  const demoWebUrl = await demoWeb.listen({ host: '127.0.0.1', port: 0 });
  const config = testConfig({ dataDir, logLevel: 'info', ...overrides });
  const app = await buildApp(config, { demoWebUrl, logStream, distDir: path.join(dataDir, 'no-dist'), extraApiRoutes });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const api = `${base}/api/v1`;

  const call: TestServer['call'] = (urlPath, init = {}) => {
    const { key = DEMO_KEYS.growth, json, headers, ...rest } = init;
    const allHeaders = new Headers(headers);
    if (key) allHeaders.set('X-API-Key', key);
    if (json !== undefined) allHeaders.set('Content-Type', 'application/json');
    return fetch(`${api}${urlPath}`, {
      ...rest,
      headers: allHeaders,
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  };

  const scrape: TestServer['scrape'] = async (key, body) => {
    const response = await call('/scrape', { method: 'POST', key, json: body });
    return { status: response.status, body: (await response.json()) as ScrapeAnswer };
  };
  const balance = async (key: string) =>
    ((await (await call('/usage', { key })).json()) as { balance_credits: number }).balance_credits;

  return {
    app,
    api,
    scrape,
    balance,
    demoWebUrl,
    logs: () => logText,
    call,
    newKey: async (plan = 'free', balance = 1000) => {
      const response = await call('/sandbox/keys', {
        method: 'POST',
        key: null,
        json: { plan, balance_credits: balance },
      });
      return ((await response.json()) as { api_key: string }).api_key;
    },
    close: async () => {
      await Promise.all([app.close(), demoWeb.close()]);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
