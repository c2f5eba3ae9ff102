import fp from 'fastify-plugin';
import { HEADER } from '../../contract/headers';
import { fail } from '../errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route answers without a key (it may still use one when given). */
    auth?: boolean;
    /**
     * false: the call is never refused for its rate and does not count; it still shows its caller's bucket.
     * For what the dashboard's first screen needs, which no other client's traffic may lock out.
     */
    rateLimited?: boolean;
  }
}

/**
 * Every /api/v1 call: who is calling (X-API-Key or a Bearer token), then the rate limit of that caller's bucket
 * (see rate-limits.ts), so every answer carries the rate-limit headers.
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request) => {
      const { auth, rateLimited } = request.routeOptions.config;
      const caller = app.rateLimits.identify(request.headers);
      request.account = caller.kind === 'account' ? caller.account : null;

      if (rateLimited === false) {
        request.rateLimit = app.rateLimits.peek(caller, request.ip);
      } else {
        const decision = app.rateLimits.take(caller, request.ip);
        request.rateLimit = decision.state;
        if (!decision.allowed) {
          const { window } = decision;
          const { limit, reset } = window === 'minute' ? decision.state.minute : decision.state.burst;
          throw fail('RATE_LIMIT_EXCEEDED', `Rate limit of ${limit} requests per ${window} exceeded`, {
            details: { limit, remaining: 0, reset, window },
            retryAfter: decision.retryAfter,
            headers: { [HEADER.retryAfter]: String(decision.retryAfter) },
          });
        }
      }

      // Only a route that needs the caller fails on a bad key; a 404 stays a 404.
      if (request.is404 || auth === false) return;
      if (caller.kind === 'rejected') throw caller.failure;
      if (caller.kind === 'anonymous') {
        throw fail('MISSING_API_KEY', 'No API key was provided: send it in the X-API-Key header');
      }
    });
  },
  { name: 'api-guard', dependencies: ['rate-limits', 'request-context'] },
);
