import fp from 'fastify-plugin';
import type { z } from 'zod';
import { ERROR_CODES, type ErrorCodeFacts } from '../../contract/error-codes';
import type { faultRequestSchema } from '../../contract/sandbox';
import { fail, type FailureExtra } from '../errors';

type FaultStatus = z.infer<typeof faultRequestSchema>['status'];
type ServerErrorFacts = Extract<ErrorCodeFacts, { category: 'server'; status: FaultStatus }>;
/** What an armed fault answers: the server error at its status (503 and 504 are scraping codes too, never faults). */
export type Fault = ServerErrorFacts['code'];

export function faultCode(status: FaultStatus): Fault {
  const facts = ERROR_CODES.find((row): row is ServerErrorFacts => row.category === 'server' && row.status === status);
  if (!facts) throw new Error(`No server error has status ${status}`);
  return facts.code;
}

export const faultFailure = (fault: Fault, extra?: FailureExtra) =>
  fail(fault, 'The sandbox injected this failure (POST /sandbox/faults)', extra);

/** Faults armed per account (sandbox only): the next `count` calls fail, so retries can be shown. */
export function createFaults() {
  const armed = new Map<string, { fault: Fault; remaining: number }>();
  return {
    arm(accountId: string, status: FaultStatus, count: number) {
      armed.set(accountId, { fault: faultCode(status), remaining: count });
    },
    take(accountId: string): Fault | null {
      const entry = armed.get(accountId);
      if (!entry) return null;
      if (--entry.remaining <= 0) armed.delete(accountId);
      return entry.fault;
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;

declare module 'fastify' {
  interface FastifyInstance {
    faults: Faults;
  }
}

export default fp(
  async (app) => {
    app.decorate('faults', createFaults());
  },
  { name: 'faults' },
);
