import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import { ApiFailure, envelopeOf } from './errors';
import './fastify-types';
import { loggerOptions } from './logger';
import { newRequestId } from './lib/secrets';
import apiV1 from './plugins/api-v1';
import errorEnvelope from './plugins/error-envelope';
import staticDashboard from './plugins/static-dashboard';
import storage from './plugins/storage';
import scraping from './plugins/scraping';
import upstreamProxy from './plugins/upstream-proxy';

export interface AppOptions {
  demoWebUrl: string;
  distDir?: string;
  logStream?: NodeJS.WritableStream;
  /** Tests add routes under /api/v1 (one that throws on purpose); never used in production. */
  extraApiRoutes?: FastifyPluginAsync;
}

/** The sandbox as a Fastify app: external plugins, then app plugins, then routes. */
export async function buildApp(config: Config, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    genReqId: newRequestId,
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    // Requests Fastify refuses before routing (a malformed URL like /jobs/%zz) still get the envelope.
    frameworkErrors: (error, request, reply) => {
      const failure = new ApiFailure(400, 'INVALID_REQUEST', `The request could not be read: ${error.message}`);
      void (reply as FastifyReply)
        .status(400)
        .header('x-request-id', request.id)
        .type('application/json')
        .send(JSON.stringify(envelopeOf(failure, request.id)));
    },
  });
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
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
  await app.register(errorEnvelope);

  if (config.upstreamApi) {
    await app.register(upstreamProxy, { upstream: config.upstreamApi });
  } else {
    await app.register(storage);
    await app.register(scraping, { demoWebUrl: options.demoWebUrl });
    await app.register(apiV1, {
      prefix: '/api/v1',
      demoWebUrl: options.demoWebUrl,
      extraRoutes: options.extraApiRoutes,
    });
  }
  await app.register(staticDashboard, { distDir: options.distDir ?? 'dist' });
  await app.ready();
  return app;
}
