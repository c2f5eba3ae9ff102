/**
 * Which site a stored session belongs to, and which URLs it may be sent to (ours; the public API only says
 * "protocol and path stripped"). The rules, applied to what the user typed:
 * - a bare host or a URL; only http and https are accepted as schemes;
 * - the host is read as a browser reads it (WHATWG URL): lower case, IDNs in punycode, IPv4 shorthand expanded,
 *   IPv6 in brackets; scheme, user info, port, path, query and fragment are dropped;
 * - leading dots (a cookie's `.example.com`) and trailing dots are stripped, then one leading `www.` if a
 *   dotted name remains (`www.example.com` → `example.com`);
 * - IP addresses are kept as they are (the demo web runs on 127.0.0.1); `localhost` and `127.0.0.1` are two
 *   different domains.
 * A URL matches a session when its host equals the domain or is a subdomain of it; an IP matches only itself.
 */

const NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const isIp = (host: string) => IPV4.test(host) || host.startsWith('[');

function hostOf(input: string): { host: string; url: URL } | null {
  const text = input.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.replace(/^\.+|\.+$/g, '');
  if (!isIp(host) && !NAME.test(host)) return null;
  url.hostname = host;
  return { host, url };
}

/** A URL's host as sessions compare it: lower case, without trailing dots; null for what is not an http(s) URL. */
export function urlHost(url: string): string | null {
  return hostOf(url)?.host ?? null;
}

/** The session domain of what the user typed, and the URL itself when a full one was typed; null if no host. */
export function normaliseSessionDomain(input: string): { domain: string; url: URL | null } | null {
  const parsed = hostOf(input);
  if (!parsed) return null;
  const { host, url } = parsed;
  const domain = !isIp(host) && /^www\.[^.]+\.[^.]/.test(host) ? host.slice(4) : host;
  return { domain, url: /^https?:\/\//i.test(input.trim()) ? url : null };
}

/** Whether a session of `domain` may be sent to `host` (both as normalised above). */
export function domainCovers(domain: string, host: string): boolean {
  if (host === domain) return true;
  return !isIp(host) && !isIp(domain) && host.endsWith(`.${domain}`);
}
