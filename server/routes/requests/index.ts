import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REQUEST_LOG_SCAN_LIMIT, requestLogPageSchema, requestLogQuerySchema } from '../../../contract/request-log';
import { requestDetailSchema, requestErrorsQuerySchema, requestErrorsSchema } from '../../../contract/request-detail';
import { fail } from '../../errors';
import { docUrlOf } from '../../plugins/error-envelope';
import { currentAccount } from '../current-account';

const LIST_DESCRIPTION = `The calls made with this key, newest first, a page at a time (\`next_cursor\` continues; pages stay
stable while new calls arrive). Filters combine: \`code\`, \`status\`, \`method\`, \`path\`, \`domain\` (the target's host),
\`session\`, \`origin\` (\`user\`, or \`dashboard\` for the calls the dashboard makes by itself with
\`X-Dashboard-Call: background\`; absent: both), \`since\` (included) and \`until\` (excluded). \`q\` is a request id (that
request) or text in the target URL, any case.

Every page costs the same however long the history: \`origin\` with one other filter is read from an index in order.
A second filter, or \`q\` as URL text, is checked within that range, at most ${REQUEST_LOG_SCAN_LIMIT} rows a page: such a
page can hold fewer than \`limit\` entries, even none, with a \`next_cursor\` to read on.`;

const DETAIL_DESCRIPTION = `One call: its log entry, the scrape's parameters as the server read them (cookie values masked, never
the key), the response, the billing (estimate, charge, refund, the tiers tried, cached), the stored session it used, the
\`X-RateLimit-*\` values it was answered with, and \`doc_url\`, the dashboard's page for its code when it failed.`;

const ERRORS_DESCRIPTION = `Failures by \`code\`, by target \`domain\` ('' for calls without a target) or by both
(\`code_domain\`, the default), over the whole UTC days from \`since\` to \`until\` (at most 90), most first, each with
its refunded credits and a count per day. Read from a daily roll-up, never the log itself.`;

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
    '/requests/errors',
    {
      schema: {
        tags: ['requests'],
        description: ERRORS_DESCRIPTION,
        querystring: requestErrorsQuerySchema,
        response: { 200: requestErrorsSchema },
      },
    },
    async (request) => app.requestLog.errors(currentAccount(request).id, request.query),
  );

  app.get(
    '/requests/:request_id',
    {
      schema: {
        tags: ['requests'],
        description: DETAIL_DESCRIPTION,
        params: z.object({ request_id: z.string().min(1).max(100) }),
        response: { 200: requestDetailSchema },
      },
    },
    async (request) => {
      // Another account's id is answered exactly as an unknown one.
      const detail = app.requestLog.detail(currentAccount(request).id, request.params.request_id);
      if (!detail) throw fail('NOT_FOUND', 'Request not found');
      return { ...detail, doc_url: detail.code ? docUrlOf(request, detail.code) : null };
    },
  );
};

export default requestRoutes;
