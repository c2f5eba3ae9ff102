import { lookup as lookupCallback, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import type { Agent } from 'undici';
import { fail } from '../errors';
import { undici } from './lazy-module';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type GuardedLookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

export interface TargetGuard {
  /** Refuses a URL whose host is a private or loopback address (other than the demo web). */
  check(url: string): Promise<void>;
  /**
   * The name lookup of every connection made after check(): it refuses a name that resolved to a public
   * address for check() and now resolves to a private one (DNS rebinding). Unset when private targets are allowed.
   */
  readonly lookup?: GuardedLookup;
  /**
   * For tiers 1–2: an HTTP client whose connections use `lookup`; with private targets allowed, a plain one. Always
   * the sandbox's own, never the process's shared dispatcher, which Node's built-in fetch may have set to its bundled
   * undici.
   */
  readonly dispatcher: Agent;
}

/**
 * The sandbox must not become a way into the machine's own network: targets on
 * private, loopback and link-local addresses are refused, except the demo web
 * (exactly its host and port) or when ALLOW_PRIVATE_TARGETS=1. A host that does
 * not resolve passes here and fails as NETWORK_ERROR when fetched.
 */
export function createTargetGuard(options: { allowPrivate: boolean; demoWebUrl: string }): TargetGuard {
  const demoWeb = new URL(options.demoWebUrl);
  // Compared after the URL parser's normalisation, so 0x7f.1 or 2130706433 is 127.0.0.1 like the demo web's own.
  const isDemoWeb = (target: URL) => target.hostname === demoWeb.hostname && portOf(target) === portOf(demoWeb);
  if (options.allowPrivate) return openGuard();
  const guardedLookup = publicOnlyLookup(
    lookupCallback,
    ipaddr.isValid(bare(demoWeb.hostname)) ? null : demoWeb.hostname,
  );
  let dispatcher: Agent | undefined;
  return {
    lookup: guardedLookup,
    // Made on the first tier-1 or tier-2 fetch, so an idle server never loads undici.
    get dispatcher() {
      return (dispatcher ??= new (undici().Agent)({ connect: { lookup: guardedLookup } }));
    },
    async check(url) {
      const target = new URL(url);
      if (isDemoWeb(target)) return;
      const host = bare(target.hostname);
      const addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
      if (addresses.every(isPublic)) return;
      throw fail('INVALID_REQUEST', `The URL points to a private or loopback address (${host})`, {
        details: { field: 'url', issues: [{ field: 'url', message: 'Private and loopback targets are refused' }] },
      });
    },
  };
}

/** A guard that lets every target through: ALLOW_PRIVATE_TARGETS=1, and tests of a tier that check targets themselves. */
export function openGuard(): TargetGuard {
  let dispatcher: Agent | undefined;
  return {
    check: async () => undefined,
    // Made on the first tier-1 or tier-2 fetch, like the guarded one.
    get dispatcher() {
      return (dispatcher ??= new (undici().Agent)());
    },
  };
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };
const portOf = (url: URL) => url.port || DEFAULT_PORTS[url.protocol] || '';
const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}

/** IPv6 outside 2000::/3 is reserved, and some of it (::127.0.0.1, the old IPv4-compatible form) reaches IPv4 hosts. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** An address anyone on the internet could reach: not private, loopback, link-local, reserved or IPv4-in-IPv6. */
function isPublic(address: string): boolean {
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return false;
  return parsed.kind() === 'ipv4' || (parsed as ipaddr.IPv6).match(GLOBAL_UNICAST_V6);
}

/**
 * A name lookup that refuses any name resolving to a non-public address; `trusted`, the demo web's host
 * when it is a name rather than an address, is the one exception.
 */
export function publicOnlyLookup(resolveName: typeof lookupCallback = lookupCallback, trusted: string | null = null) {
  return ((hostname, options, callback) =>
    resolveName(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = hostname !== trusted && addresses.some((entry) => !isPublic(entry.address));
      if (refused) {
        const failure: NodeJS.ErrnoException = new Error(`${hostname} resolved to a private address`);
        failure.code = 'ENOTFOUND';
        return callback(failure, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    })) satisfies GuardedLookup;
}
