import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { estimateSchema, jobAcceptedSchema, scrapeRequestSchema, scrapeResultSchema } from '../../../contract/scrape';
import { currentAccount } from '../current-account';

/** POST /scrape (sync 200 or async 202) and the free POST /scrape/estimate. */
const scrapeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/scrape',
    {
      config: { billsFaults: true },
      schema: {
        tags: ['scrape'],
        body: scrapeRequestSchema,
        response: { 200: scrapeResultSchema, 202: jobAcceptedSchema },
      },
    },
    async (request, reply) => {
      const account = currentAccount(request);
      const body = request.body;
      request.logExtras.url = body.url;
      const estimate = await app.scrapes.precheck(account, body);

      // An armed fault answers this call itself, whatever cache or sync would have done.
      if (request.fault) {
        app.scrapes.hold(account, request.id, estimate);
        const outcome = await app.scrapes.execute(account, request.id, body, request.fault, estimate);
        Object.assign(request.logExtras, outcome.log);
        if (!outcome.ok) throw outcome.failure;
      }

      // An async request always answers 202: its job looks in the cache when it runs.
      const hit = body.sync ? app.scrapes.fromCache(account, request.id, body) : null;
      if (hit?.ok) {
        Object.assign(request.logExtras, hit.log);
        return hit.result;
      }

      app.scrapes.hold(account, request.id, estimate);
      if (!body.sync) {
        const job = { id: randomUUID(), accountId: account.id, requestId: request.id, request: body };
        app.jobs.create(job);
        app.jobRunner.enqueue(job);
        return reply.code(202).send({ job_id: job.id, status: 'queued' as const, request_id: request.id });
      }

      const outcome = await app.scrapes.execute(account, request.id, body, request.fault, estimate);
      Object.assign(request.logExtras, outcome.log);
      if (!outcome.ok) throw outcome.failure;
      return outcome.result;
    },
  );

  app.post(
    '/scrape/estimate',
    { schema: { tags: ['scrape'], body: scrapeRequestSchema, response: { 200: estimateSchema } } },
    async (request) => app.scrapes.estimate(request.body),
  );
};

export default scrapeRoutes;
