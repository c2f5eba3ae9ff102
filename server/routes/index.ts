import type { FastifyPluginAsync } from 'fastify';
import { noRoute } from '../errors';
import apiGuard from '../plugins/api-guard';
import balanceHeaders from '../plugins/balance-headers';
import requestContext from '../plugins/request-context';
import { faultFailure } from '../sandbox/faults';
import authRoutes from './auth';
import meRoutes from './auth/me';
import billingRoutes from './billing';
import { currentAccount } from './current-account';
import jobRoutes from './jobs';
import metaRoutes from './meta';
import requestRoutes from './requests';
import sandboxRoutes from './sandbox';
import scrapeRoutes from './scrape';
import screenshotRoutes from './screenshots';
import sessionRoutes from './sessions';
import usageRoutes from './usage';
import usageReportRoutes from './usage-report';
import webhookRoutes from './webhooks';

interface ApiOptions {
  demoWebUrl: string;
  extraRoutes: FastifyPluginAsync | undefined;
}

/** Everything under /api/v1: context and guard hooks first, then the routes, then the 404. */
const apiRoutes: FastifyPluginAsync<ApiOptions> = async (app, options) => {
  await app.register(requestContext);
  await app.register(apiGuard);
  await app.register(balanceHeaders);

  await app.register(metaRoutes);
  await app.register(authRoutes);
  await app.register(sandboxRoutes, { demoWebUrl: options.demoWebUrl });
  await app.register(scrapeRoutes);
  // An armed sandbox fault answers the next calls of these routes as it is; scrape bills it, the sandbox's own
  // routes never take it, and the ones without a key have no account to arm it on.
  await app.register(async (faultable) => {
    faultable.addHook('onRequest', async (request) => {
      const fault = app.faults.take(currentAccount(request).id);
      if (fault) throw faultFailure(fault);
    });
    await faultable.register(meRoutes);
    await faultable.register(usageRoutes);
    await faultable.register(usageReportRoutes);
    await faultable.register(requestRoutes);
    await faultable.register(jobRoutes);
    await faultable.register(billingRoutes);
    await faultable.register(screenshotRoutes);
    await faultable.register(sessionRoutes);
    await faultable.register(webhookRoutes);
    if (options.extraRoutes) await faultable.register(options.extraRoutes);
  });

  app.setNotFoundHandler(async (request) => {
    throw noRoute(request.method, request.url);
  });
};

export default apiRoutes;
