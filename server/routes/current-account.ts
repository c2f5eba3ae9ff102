import type { FastifyRequest } from 'fastify';
import type { Account } from '../repositories/accounts-repository';

/** The caller of a route that requires auth; the api guard has already refused anyone else. */
export function currentAccount(request: FastifyRequest): Account {
  if (!request.account) throw new Error('route requires an account but none was identified');
  return request.account;
}
