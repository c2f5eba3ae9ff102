import { domainCovers, urlHost } from '../../contract/session-domain';
import type { TierRequest } from './types';

/** Whether a tier may send the request's cookies and headers to `url`: a redirect off their site never does. */
export function carriesCredentials(request: TierRequest, url: string): boolean {
  const host = urlHost(url);
  if (host === null) return false;
  return domainCovers(request.credentialDomain ?? urlHost(request.url) ?? '', host);
}

/** The Cookie header of the request's cookies, or null when there are none. */
export function cookieHeader(cookies: Record<string, string>): string | null {
  const pairs = Object.entries(cookies).map(([name, value]) => `${name}=${value}`);
  return pairs.length > 0 ? pairs.join('; ') : null;
}
