import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ErrorBilling, ErrorEnvelope, ValidationIssue } from '../../contract/envelope';
import type { jobAcceptedSchema, ScrapeResult } from '../../contract/scrape';
import { buildApp, type AppOptions } from '../../server/app';
import { type Config, testConfig } from '../../server/config';
import { buildDemoWeb } from '../../server/demo-web/app';
import { DEMO_KEY } from './demo-keys';

/** A scrape's answer, whichever came (200 result, 202 job or error envelope): every field optional. */
export type ScrapeAnswer = Partial<
  Omit<ScrapeResult, 'billing'> & Omit<ErrorEnvelope, 'billing' | 'details'> & z.infer<typeof jobAcceptedSchema>
> & {
  billing?: Partial<ScrapeResult['billing'] & ErrorBilling>;
  details?: Record<string, unknown> & { issues?: ValidationIssue[] };
};

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
  // Without it a new data dir has the demo accounts and no history, which most tests count on.
  { demoHistory = false }: Pick<AppOptions, 'demoHistory'> = {},
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
  const app = await buildApp(config, {
    demoWebUrl,
    logStream,
    distDir: path.join(dataDir, 'no-dist'),
    extraApiRoutes,
    demoHistory,
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const api = `${base}/api/v1`;

  const call: TestServer['call'] = (urlPath, init = {}) => {
    const { key = DEMO_KEY.growth, json, headers, ...rest } = init;
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
