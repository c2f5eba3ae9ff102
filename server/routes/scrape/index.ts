import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { estimateSchema, jobAcceptedSchema, scrapeRequestSchema, scrapeResultSchema } from '../../../contract/scrape';
import { currentAccount } from '../current-account';

/** POST /scrape (sync 200 or async 202) and the free POST /scrape/estimate. */
const scrapeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/scrape',
    {
      schema: {
        tags: ['scrape'],
        body: scrapeRequestSchema,
        response: { 200: scrapeResultSchema, 202: jobAcceptedSchema },
      },
    },
    async (request, reply) => {
      const account = currentAccount(request);
      // The scrape takes an armed fault itself, to charge and refund it like the failure it stands for.
      const fault = app.faults.take(account.id);
      const { answer, log } = await app.scrapes.handle({
        account,
        requestId: request.id,
        request: request.body,
        fault,
      });
      request.logFacts = log;
      if (!answer.ok) throw answer.failure;
      return answer.status === 202 ? reply.code(202).send(answer.body) : answer.body;
    },
  );

  app.post(
    '/scrape/estimate',
    { schema: { tags: ['scrape'], body: scrapeRequestSchema, response: { 200: estimateSchema } } },
    async (request) => app.billing.estimate(currentAccount(request).id, request.body),
  );
};

export default scrapeRoutes;
