import type { z } from 'zod';
import { domainCovers, normaliseSessionDomain, urlHost } from '../../contract/session-domain';
import type { createSessionSchema } from '../../contract/sessions';
import { sessionFieldInvalid } from './session-failures';

export const parseTime = (value: string | null | undefined) => (value ? Date.parse(value) : null);

/** A check URL on the session's domain (or a subdomain of it), else a 400 at the field. */
export function checkUrlOn(domain: string, checkUrl: string): string {
  const host = urlHost(checkUrl);
  if (!host || !domainCovers(domain, host)) {
    throw sessionFieldInvalid('check_url', `The check URL must be on ${domain}`);
  }
  return checkUrl;
}

/**
 * What a create's input means: the domain by the rules of contract/session-domain.ts; the check URL given, else
 * the full URL typed as the domain (the page the user signs in to see), else the site's root; the MCP server's
 * `user_agent` as a User-Agent header unless the headers have one.
 */
export function readCreateInput(input: z.output<typeof createSessionSchema>) {
  const normal = normaliseSessionDomain(input.domain);
  if (!normal) throw sessionFieldInvalid('domain', 'Enter a host like example.com, or a URL on it');
  const { domain, url } = normal;
  const headers = { ...input.headers };
  const hasAgent = Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent');
  if (input.user_agent && !hasAgent) headers['User-Agent'] = input.user_agent;
  const typedPage = url ? `${url.origin}${url.pathname}` : null;
  return { domain, headers, checkUrl: checkUrlOn(domain, input.check_url ?? typedPage ?? `https://${domain}/`) };
}
