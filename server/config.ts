import { z } from 'zod';
import { WEBHOOK_RETRY_BASE_SECONDS, WEBHOOK_TIMEOUT_SECONDS } from '../contract/webhooks';
import { findChromium } from './lib/chromium.mjs';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true');

const configSchema = z
  .object({
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
    DEMO_WEB_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    UPSTREAM_API: z.url().optional(),
    // Off plays the real API, which has no /sandbox/* routes: the upstream of the proxy tests.
    SANDBOX_ROUTES: z.enum(['0', '1', 'true', 'false', '']).optional(),
    SANDBOX_TEST_CLOCK: flag,
    ALLOW_PRIVATE_TARGETS: flag,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
    CHROMIUM_PATH: z.string().optional(),
    // Webhook deliveries: tests shorten the waits, and name the loopback receivers they start (origins, comma-separated).
    WEBHOOK_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(WEBHOOK_TIMEOUT_SECONDS * 1000),
    WEBHOOK_RETRY_BASE_MS: z.coerce
      .number()
      .int()
      .nonnegative()
      .default(WEBHOOK_RETRY_BASE_SECONDS * 1000),
    WEBHOOK_ALLOWED_ORIGINS: z.string().default(''),
  })
  .transform((env) => ({
    host: env.HOST,
    port: env.PORT,
    // PORT 0 asks for any free port, so the demo web must pick its own too.
    demoWebPort: env.DEMO_WEB_PORT ?? (env.PORT === 0 ? 0 : env.PORT + 1),
    dataDir: env.DATA_DIR,
    upstreamApi: env.UPSTREAM_API?.replace(/\/+$/, ''),
    sandboxRoutes: env.SANDBOX_ROUTES !== '0' && env.SANDBOX_ROUTES !== 'false',
    testClock: env.SANDBOX_TEST_CLOCK,
    allowPrivateTargets: env.ALLOW_PRIVATE_TARGETS,
    logLevel: env.LOG_LEVEL,
    chromiumPath: findChromium(env.CHROMIUM_PATH),
    webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
    webhookRetryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
    webhookAllowedOrigins: env.WEBHOOK_ALLOWED_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  }));

export type Config = z.output<typeof configSchema>;

/** The only place the server reads `process.env`; a bad value stops start-up with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** A config for tests: an in-memory-like temp data dir is the caller's business. */
export function testConfig(overrides: Partial<Config> & { dataDir: string }): Config {
  return { ...loadConfig({}), port: 0, demoWebPort: 0, logLevel: 'silent', ...overrides };
}
