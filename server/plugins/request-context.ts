import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HEADER } from '../../contract/headers';
import { DASHBOARD_CALL } from '../../contract/request-log';
import type { RateLimitState } from '../lib/rate-limiter';
import type { Account } from '../repositories/accounts-repository';
import type { RequestLogRecord } from '../repositories/request-log-repository';
import type { ScrapeLogFacts } from '../scrapes/scrapes-service';
import { rateLimitHeaders } from './rate-limits';

declare module 'fastify' {
  interface FastifyRequest {
    /** The account the key or token belongs to; null before auth or when there is none. */
    account: Account | null;
    rateLimit: RateLimitState | null;
    /** The envelope's code when the answer is an error, for the request log. */
    errorCode: string | null;
    /** The envelope's message, for the request's detail. */
    errorMessage: string | null;
    /** What the scrapes service says the log records of a scrape. */
    logFacts: ScrapeLogFacts | null;
  }
}

/**
 * What every /api/v1 answer carries (rate-limit headers, errors included), and
 * the request log's one caller: a row per call of an identified account.
 */
export default fp(
  async (app) => {
    app.decorateRequest('account', null);
    app.decorateRequest('rateLimit', null);
    app.decorateRequest('errorCode', null);
    app.decorateRequest('errorMessage', null);
    app.decorateRequest('logFacts', null);

    // The request id is the root's (request-id.ts): every answer carries it, inside /api/v1 or not.
    app.addHook('onSend', async (request, reply) => {
      const headers = request.rateLimit ? rateLimitHeaders(request.rateLimit) : null;
      if (headers) reply.headers(headers);
      // The row is committed before the answer leaves, so a crash right after cannot lose a call a client saw. A
      // client that hung up gets here too (Fastify never calls onResponse for it): the call still happened.
      if (request.account) await app.requestLog.commit(rowOf(request, reply, request.account.id, headers));
    });

    function rowOf(
      request: FastifyRequest,
      reply: FastifyReply,
      accountId: string,
      rateLimit: Record<string, string> | null,
    ): RequestLogRecord {
      return {
        requestId: request.id,
        accountId,
        method: request.method,
        path: request.url.split('?')[0] ?? request.url,
        status: reply.statusCode,
        code: request.errorCode,
        durationMs: reply.elapsedTime,
        at: app.clock.now(),
        url: request.logFacts?.url ?? null,
        sessionId: request.logFacts?.sessionId ?? null,
        origin: request.headers[HEADER.dashboardCall] === DASHBOARD_CALL ? 'dashboard' : 'user',
        detail: {
          ...request.logFacts?.detail,
          message: request.errorMessage,
          rateLimit,
        },
      };
    }
  },
  { name: 'request-context', dependencies: ['request-log-repository', 'clock'] },
);
