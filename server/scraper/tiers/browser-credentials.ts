import type { BrowserContext } from 'playwright-core';
import { urlHost } from '../../../contract/session-domain';
import { carriesCredentials } from '../credentials';
import type { TierRequest } from '../types';

/**
 * The request's cookies and headers, for the browser to send where the fetch tiers would: a stored session's
 * cookies to its whole domain (as a browser keeps a domain cookie), inline ones to the URL's host; its headers
 * only on requests to those hosts, never to a page's third-party subresources.
 */
export async function giveCredentials(context: BrowserContext, request: TierRequest): Promise<void> {
  const domain = request.credentialDomain;
  const scope = domain && domain !== urlHost(request.url) ? { domain: `.${domain}`, path: '/' } : { url: request.url };
  const cookies = Object.entries(request.cookies).map(([name, value]) => ({ name, value, ...scope }));
  if (cookies.length > 0) await context.addCookies(cookies);

  const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([n, v]) => [n.toLowerCase(), v]));
  if (Object.keys(headers).length === 0) return;
  // Continued, not fulfilled: the browser still makes the request itself, keeping the web's origin rules.
  await context.route(
    (url) => carriesCredentials(request, url.toString()),
    (route) => route.continue({ headers: { ...route.request().headers(), ...headers } }),
  );
}
