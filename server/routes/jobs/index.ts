import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobSchema } from '../../../contract/scrape';
import { fail } from '../../errors';
import { currentAccount } from '../current-account';

/** GET /jobs/{id}: an async scrape's progress; another account's job does not exist for you. */
const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/jobs/:job_id',
    {
      schema: {
        tags: ['jobs'],
        params: z.object({ job_id: z.string().min(1).max(100) }),
        response: { 200: jobSchema },
      },
    },
    async (request) => {
      const job = app.jobs.find(currentAccount(request).id, request.params.job_id);
      if (!job) throw fail('NOT_FOUND', 'Job not found');
      return job;
    },
  );
};

export default jobRoutes;
