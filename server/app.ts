import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import billing from './billing/billing-service';
import clock from './clock';
import type { Config } from './config';
import demoHistory from './db/demo-history';
import { newRequestId } from './lib/secrets';
import { loggerOptions } from './logger';
import database from './plugins/database';
import errorEnvelope from './plugins/error-envelope';
import jsonBody from './plugins/json-body';
import { clientErrorHandler, frameworkErrors } from './plugins/protocol-errors';
import rateLimits from './plugins/rate-limits';
import requestId from './plugins/request-id';
import secretsKey from './plugins/secrets-key';
import staticDashboard from './plugins/static-dashboard';
import upstreamProxy from './plugins/upstream-proxy';
import accounts from './repositories/accounts-repository';
import jobs from './repositories/jobs-repository';
import ledger from './repositories/ledger-repository';
import requestLog from './repositories/request-log-repository';
import scrapeCache from './repositories/scrape-cache-repository';
import screenshots from './repositories/screenshots-repository';
import sessionsRepository from './repositories/sessions-repository';
import tierMemory from './repositories/tier-memory-repository';
import usage from './repositories/usage-repository';
import usageReport from './repositories/usage-report-repository';
import webhooksRepository from './repositories/webhooks-repository';
import apiRoutes from './routes';
import faults from './sandbox/faults';
import scraper from './scraper/scraper';
import scrapes from './scrapes/scrapes-service';
import sessions from './sessions/sessions-service';
import webhooks from './webhooks/webhooks-service';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

/** The sandbox's repositories and services, each after those it depends on. */
const PLUGINS = [
  database,
  clock,
  accounts,
  rateLimits,
  ledger,
  requestLog,
  tierMemory,
  scrapeCache,
  jobs,
  screenshots,
  usage,
  usageReport,
  secretsKey,
  sessionsRepository,
  webhooksRepository,
  faults,
  billing,
];

export interface AppOptions {
  config: Config;
  demoWebUrl: string;
  distDir?: string | undefined;
  /** A new data dir gets the demo accounts' 30 days of history (off in tests; `--no-demo-history` at start). */
  demoHistory?: boolean | undefined;
  /** Tests add routes under /api/v1 (one that throws on purpose); never used in production. */
  extraApiRoutes?: FastifyPluginAsync | undefined;
}

/** The sandbox as one Fastify plugin: external plugins, then app plugins, then routes. */
async function app(fastify: FastifyInstance, options: AppOptions) {
  const { config } = options;
  fastify.decorate('config', config);
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  await fastify.register(swagger, {
    openapi: {
      info: {
        title: 'AlterLab API (sandbox)',
        version: '1.0.0',
        description: 'The local sandbox of the AlterLab web-scraping API. Errors use the standard envelope.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ apiKey: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await fastify.register(errorEnvelope);
  await fastify.register(requestId);

  if (config.upstreamApi) {
    await fastify.register(upstreamProxy, { upstream: config.upstreamApi });
  } else {
    await fastify.register(jsonBody);
    for (const plugin of PLUGINS) {
      await fastify.register(plugin);
    }
    if (options.demoHistory) await fastify.register(demoHistory);
    await fastify.register(scraper, { demoWebUrl: options.demoWebUrl });
    await fastify.register(sessions);
    await fastify.register(scrapes);
    await fastify.register(webhooks);
    await fastify.register(apiRoutes, {
      prefix: '/api/v1',
      demoWebUrl: options.demoWebUrl,
      extraRoutes: options.extraApiRoutes,
    });
  }
  await fastify.register(staticDashboard, { distDir: options.distDir ?? 'dist' });
}

/** The app on a Fastify instance of its own, ready to listen: what the server starts, and every test. */
export async function buildApp(
  config: Config,
  options: Omit<AppOptions, 'config'> & { logStream?: NodeJS.WritableStream },
): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: loggerOptions(config, options.logStream),
    genReqId: newRequestId,
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    // A new data dir's demo history is replayed during start-up: seconds on a busy machine, more than Fastify's
    // default 10 s for a plugin there, and a start must not fail for being slow.
    pluginTimeout: 60_000,
    // The contract: a path with a trailing slash answers like the one without (the MCP server lists /sessions/).
    routerOptions: { ignoreTrailingSlash: true },
    // Requests refused before routing, by Fastify (a malformed URL like /jobs/%zz) or by Node's HTTP parser
    // (bad header bytes, headers over 16 KB), still get the envelope and its headers.
    frameworkErrors,
    clientErrorHandler,
  });
  await fastify.register(fp(app, { name: 'app' }), { config, ...options });
  await fastify.ready();
  return fastify;
}
