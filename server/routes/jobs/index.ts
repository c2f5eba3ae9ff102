import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JOB_RETENTION_HOURS, jobSchema } from '../../../contract/scrape';
import { fail } from '../../errors';
import { currentAccount } from '../current-account';

/**
 * GET /jobs/{id}: an async scrape's progress; another account's job does not exist for you. An ended job of yours
 * is kept JOB_RETENTION_HOURS after it ends, then answers 404 as the real API's do. Only its owner reads that it
 * expired; to anyone else it is unknown, so the message tells no one of a job they could not see.
 */
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
      const found = app.jobs.find(currentAccount(request).id, request.params.job_id);
      if (found.kind === 'expired')
        throw fail('NOT_FOUND', `Job expired: results are kept ${JOB_RETENTION_HOURS} hours after a job ends`);
      if (found.kind === 'unknown') throw fail('NOT_FOUND', 'Job not found');
      return found.job;
    },
  );
};

export default jobRoutes;
