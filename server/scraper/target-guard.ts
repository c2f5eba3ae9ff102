import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { ApiFailure } from '../errors';

export interface TargetGuard {
  /** Refuses a URL whose host is a private or loopback address (other than the demo web). */
  check(url: string): Promise<void>;
}

/**
 * The sandbox must not become a way into the machine's own network: targets on
 * private, loopback and link-local addresses are refused, except the demo web
 * (whose port is known) or when ALLOW_PRIVATE_TARGETS=1. A host that does not
 * resolve passes here and fails as NETWORK_ERROR when fetched.
 */
export function createTargetGuard(options: { allowPrivate: boolean; demoWebUrl: string }): TargetGuard {
  const demoWebPort = new URL(options.demoWebUrl).port;
  return {
    async check(url) {
      if (options.allowPrivate) return;
      const target = new URL(url);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      const addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
      const isPrivate = addresses.some((address) => ipaddr.process(address).range() !== 'unicast');
      if (!isPrivate) return;
      const isLoopback = addresses.every((address) => ipaddr.process(address).range() === 'loopback');
      if (isLoopback && target.port === demoWebPort) return;
      throw new ApiFailure(400, 'INVALID_REQUEST', `The URL points to a private or loopback address (${host})`, {
        details: { field: 'url', issues: [{ field: 'url', message: 'Private and loopback targets are refused' }] },
      });
    },
  };
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}
