import { lookup as lookupCallback, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';
import { ApiFailure } from '../errors';

export interface TargetGuard {
  /** Refuses a URL whose host is a private or loopback address (other than the demo web). */
  check(url: string): Promise<void>;
  /**
   * For tiers 1–2: connects only to the addresses it checked itself, so a name that resolved to a public
   * address for check() cannot resolve to a private one at connect time (DNS rebinding).
   */
  readonly dispatcher?: Agent;
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
    dispatcher: options.allowPrivate ? undefined : new Agent({ connect: { lookup: publicOnlyLookup() } }),
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

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

const isPublic = (address: string) => ipaddr.process(address).range() === 'unicast';

/**
 * The name lookup of every connection tiers 1–2 open. check() has already vetted the URL (the demo web's
 * loopback port included, reached as 127.0.0.1 or localhost); here a name that now resolves to a private
 * address is refused, except `localhost` itself, which no outside DNS can repoint.
 */
export function publicOnlyLookup(resolve: typeof lookupCallback = lookupCallback) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) =>
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = hostname !== 'localhost' && addresses.some((entry) => !isPublic(entry.address));
      if (refused) {
        const failure: NodeJS.ErrnoException = new Error(`${hostname} resolved to a private address`);
        failure.code = 'ENOTFOUND';
        return callback(failure, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
}
