import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HEADER } from '../../contract/headers';
import { ApiFailure } from '../errors';
import type { Account } from '../repositories/accounts-repository';
import { createRateLimiter } from './rate-limiter';

/**
 * Every /api/v1 call: who is calling (X-API-Key or a Bearer token), then the
 * per-key rate limit. Calls without a usable key are limited per address (on
 * the largest plan's numbers, since tests and the sandbox's own controls call
 * without a key), so every answer carries the rate-limit headers.
 */
export default fp(
  async (app) => {
    const limiter = createRateLimiter(() => app.clock.now());

    app.addHook('onRequest', async (request) => {
      const authRequired = !request.is404 && request.routeOptions.config.auth !== false;
      let failure: ApiFailure | null = null;
      try {
        request.account = identify(request, app.accounts);
      } catch (error) {
        if (!(error instanceof ApiFailure)) throw error;
        failure = error;
      }
      if (!request.account && authRequired && !failure) {
        failure = new ApiFailure(401, 'MISSING_API_KEY', 'No API key was provided: send it in the X-API-Key header');
      }

      const decision = request.account
        ? limiter.take(`key:${request.account.id}`, request.account.plan)
        : limiter.take(`ip:${request.ip}`, 'high_volume');
      request.rateLimit = decision.state;
      if (!decision.allowed) {
        const { limit, reset, window } = decision.state;
        throw new ApiFailure(429, 'RATE_LIMIT_EXCEEDED', `Rate limit of ${limit} requests per ${window} exceeded`, {
          details: { limit, remaining: 0, reset, window },
          retryAfter: decision.retryAfter,
          headers: { [HEADER.retryAfter]: String(decision.retryAfter) },
        });
      }
      // Only a route that needs the caller fails on a bad key; a 404 stays a 404.
      if (failure && authRequired) throw failure;

      // An armed sandbox fault answers this call, unless it is the sandbox's own control route.
      if (request.account && authRequired && !request.url.includes('/sandbox/')) {
        request.fault = app.faults.take(request.account.id);
        if (request.fault && !request.routeOptions.config.billsFaults) {
          throw new ApiFailure(
            request.fault.status,
            request.fault.code,
            'The sandbox injected this failure (POST /sandbox/faults)',
          );
        }
      }
    });
  },
  { name: 'api-guard', dependencies: ['storage'] },
);

function identify(request: FastifyRequest, accounts: FastifyRequest['server']['accounts']): Account | null {
  const key = request.headers[HEADER.apiKey];
  if (typeof key === 'string' && key.length > 0) {
    const found = accounts.findByKey(key.trim());
    if (found.kind === 'ok') return found.account;
    const why = found.kind === 'revoked' ? 'has been revoked' : 'is not a valid API key';
    throw new ApiFailure(401, 'INVALID_API_KEY', `The API key ${why}`);
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) {
    const found = accounts.findByToken(bearer);
    if (found.kind === 'ok') return found.account;
    if (found.kind === 'expired') {
      throw new ApiFailure(401, 'SESSION_EXPIRED', 'Your dashboard session has expired: log in again');
    }
    throw new ApiFailure(401, 'INVALID_API_KEY', 'The bearer token is not valid');
  }
  return null;
}
