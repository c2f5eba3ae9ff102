import type { FastifyPluginAsync } from 'fastify';
import { ApiFailure } from '../errors';
import authRoutes from '../routes/auth';
import billingRoutes from '../routes/billing';
import jobRoutes from '../routes/jobs';
import metaRoutes from '../routes/meta';
import requestRoutes from '../routes/requests';
import sandboxRoutes from '../routes/sandbox';
import scrapeRoutes from '../routes/scrape';
import usageRoutes from '../routes/usage';
import apiGuard from './api-guard';
import requestContext from './request-context';

export interface ApiOptions {
  demoWebUrl: string;
  extraRoutes?: FastifyPluginAsync | undefined;
}

/** Everything under /api/v1: context and guard hooks first, then the routes, then the 404. */
const apiV1: FastifyPluginAsync<ApiOptions> = async (app, options) => {
  await app.register(requestContext);
  await app.register(apiGuard);

  await app.register(metaRoutes);
  await app.register(authRoutes);
  await app.register(usageRoutes);
  await app.register(requestRoutes);
  await app.register(scrapeRoutes);
  await app.register(jobRoutes);
  await app.register(billingRoutes);
  await app.register(sandboxRoutes, { demoWebUrl: options.demoWebUrl });
  if (options.extraRoutes) await app.register(options.extraRoutes);

  app.setNotFoundHandler(async (request) => {
    throw new ApiFailure(404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
};

export default apiV1;
