import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  REQUEST_LOG_SCAN_LIMIT,
  requestLogEntrySchema,
  requestLogPageSchema,
  requestLogQuerySchema,
} from '../../../contract/request-log';
import { fail } from '../../errors';
import { currentAccount } from '../current-account';

const LIST_DESCRIPTION = `The calls made with this key, newest first, a page at a time (\`next_cursor\` continues; pages stay
stable while new calls arrive). Filters combine: \`code\`, \`status\`, \`method\`, \`path\`, \`domain\` (the target's host),
\`session\`, \`origin\` (\`user\`, or \`dashboard\` for the calls the dashboard makes by itself with
\`X-Dashboard-Call: background\`; absent: both), \`since\` (included) and \`until\` (excluded). \`q\` is a request id (that
request) or text in the target URL, any case.

Every page costs the same however long the history: \`origin\` with one other filter is read from an index in order.
A second filter, or \`q\` as URL text, is checked within that range, at most ${REQUEST_LOG_SCAN_LIMIT} rows a page: such a
page can hold fewer than \`limit\` entries, even none, with a \`next_cursor\` to read on.`;

/** The request log (ours): what support staff search. */
const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/requests',
    {
      schema: {
        tags: ['requests'],
        description: LIST_DESCRIPTION,
        querystring: requestLogQuerySchema,
        response: { 200: requestLogPageSchema },
      },
    },
    async (request) => app.requestLog.list(currentAccount(request).id, request.query),
  );

  app.get(
    '/requests/:request_id',
    {
      schema: {
        tags: ['requests'],
        params: z.object({ request_id: z.string().min(1).max(100) }),
        response: { 200: requestLogEntrySchema },
      },
    },
    async (request) => {
      const entry = app.requestLog.get(currentAccount(request).id, request.params.request_id);
      if (!entry) throw fail('NOT_FOUND', 'Request not found');
      return entry;
    },
  );
};

export default requestRoutes;
