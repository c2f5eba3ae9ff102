import type { IncomingHttpHeaders } from 'node:http';
import fp from 'fastify-plugin';
import { HEADER } from '../../contract/headers';
import type { Plan } from '../../contract/plans';
import { ApiFailure, fail } from '../errors';
import { createRateLimiter, type RateDecision, type RateLimitState } from '../lib/rate-limiter';
import type { Account, AccountsRepository } from '../repositories/accounts-repository';

/** Who a call comes from, as far as its headers tell. */
export type Caller =
  | { kind: 'account'; account: Account }
  /** A key or token was sent and refused: the failure a route that needs the caller answers. */
  | { kind: 'rejected'; failure: ApiFailure }
  | { kind: 'anonymous' };

/**
 * Calls without an account are limited per address on the largest plan's numbers (tests and the sandbox's own
 * controls call without a key). Refused credentials get a bucket of their own, so a client retrying a wrong key
 * spends only its own allowance, never that of the key-less calls the dashboard's first screen makes.
 */
const PRE_AUTH_PLAN: Plan = 'high_volume';

function bucketOf(caller: Caller, ip: string): [key: string, plan: Plan] {
  if (caller.kind === 'account') return [`key:${caller.account.id}`, caller.account.plan];
  return [`${caller.kind}:${ip}`, PRE_AUTH_PLAN];
}

function identify(headers: IncomingHttpHeaders, accounts: AccountsRepository): Caller {
  try {
    const account = identifyAccount(headers, accounts);
    return account ? { kind: 'account', account } : { kind: 'anonymous' };
  } catch (error) {
    if (error instanceof ApiFailure) return { kind: 'rejected', failure: error };
    throw error;
  }
}

function identifyAccount(headers: IncomingHttpHeaders, accounts: AccountsRepository): Account | null {
  const key = headers[HEADER.apiKey];
  if (typeof key === 'string' && key.length > 0) {
    const found = accounts.findByKey(key.trim());
    if (found.kind === 'ok') return found.account;
    throw fail(
      'INVALID_API_KEY',
      `The API key ${found.kind === 'revoked' ? 'has been revoked' : 'is not a valid API key'}`,
    );
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer) {
    const found = accounts.findByToken(bearer);
    if (found.kind === 'ok') return found.account;
    if (found.kind === 'expired') {
      throw fail('SESSION_EXPIRED', 'Your dashboard session has expired: log in again', { status: 401 });
    }
    throw fail('INVALID_API_KEY', 'The bearer token is not valid');
  }
  return null;
}

/** The X-RateLimit-* headers of a bucket: the minute window, and beside it the burst (ours). */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    [HEADER.limit]: String(state.minute.limit),
    [HEADER.remaining]: String(state.minute.remaining),
    [HEADER.reset]: String(state.minute.reset),
    [HEADER.burstLimit]: String(state.burst.limit),
    [HEADER.burstRemaining]: String(state.burst.remaining),
  };
}

export interface RateLimits {
  identify(headers: IncomingHttpHeaders): Caller;
  /** Counts a call in its caller's bucket, unless that bucket is spent. */
  take(caller: Caller, ip: string): RateDecision;
  /** The caller's bucket without counting: for answers to calls that are never counted. */
  peek(caller: Caller, ip: string): RateLimitState;
}

declare module 'fastify' {
  interface FastifyInstance {
    rateLimits: RateLimits;
  }
}

/** One set of buckets for the whole server: the API guard counts in it, and answers refused before routing show it. */
export default fp(
  async (app) => {
    const limiter = createRateLimiter(() => app.clock.now());
    app.decorate('rateLimits', {
      identify: (headers) => identify(headers, app.accounts),
      take: (caller, ip) => limiter.take(...bucketOf(caller, ip)),
      peek: (caller, ip) => limiter.peek(...bucketOf(caller, ip)),
    } satisfies RateLimits);
  },
  { name: 'rate-limits', dependencies: ['accounts-repository', 'clock'] },
);
