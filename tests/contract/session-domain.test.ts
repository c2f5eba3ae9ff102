import { describe, expect, it } from 'vitest';
import { domainCovers, normaliseSessionDomain, urlHost } from '../../contract/session-domain';

const domainOf = (input: string) => normaliseSessionDomain(input)?.domain ?? null;

describe('a session’s domain', () => {
  it('is the host alone: lower case, without scheme, user, port, path, query, dots at the ends or one www.', () => {
    expect(domainOf('https://user:pw@WWW.Example.COM.:8443/a/b?c=1#d')).toBe('example.com');
    expect(domainOf('example.com/account')).toBe('example.com');
    expect(domainOf('.example.com')).toBe('example.com');
    expect(domainOf('shop.example.com')).toBe('shop.example.com');
    expect(domainOf('www.example')).toBe('www.example');
    expect(domainOf('bücher.de')).toBe('xn--bcher-kva.de');
  });

  it('keeps IP addresses and localhost as they are, each its own domain', () => {
    expect(domainOf('http://127.0.0.1:8788/members')).toBe('127.0.0.1');
    expect(domainOf('[::1]:8080')).toBe('[::1]');
    expect(domainOf('localhost:8788')).toBe('localhost');
    expect(domainCovers('127.0.0.1', 'localhost')).toBe(false);
  });

  it('refuses what has no host or another scheme', () => {
    expect(domainOf('ftp://example.com/')).toBeNull();
    expect(domainOf('')).toBeNull();
    expect(domainOf('exa mple.com')).toBeNull();
    expect(domainOf('javascript:alert(1)')).toBeNull();
  });

  it('remembers a full URL typed as the domain (the page to check), and no URL for a bare host', () => {
    expect(normaliseSessionDomain('http://127.0.0.1:8788/members?x=1')?.url?.href).toBe(
      'http://127.0.0.1:8788/members?x=1',
    );
    expect(normaliseSessionDomain('example.com/members')?.url).toBeNull();
  });
});

describe('which URLs a session may be sent to', () => {
  it('its domain and its subdomains; an IP only itself; never a look-alike', () => {
    expect(domainCovers('example.com', 'example.com')).toBe(true);
    expect(domainCovers('example.com', 'shop.example.com')).toBe(true);
    expect(domainCovers('example.com', 'badexample.com')).toBe(false);
    expect(domainCovers('example.com', 'example.com.evil.org')).toBe(false);
    expect(domainCovers('0.0.1', '127.0.0.1')).toBe(false);
    expect(domainCovers('127.0.0.1', '127.0.0.1')).toBe(true);
  });

  it('reads a URL’s host the same way', () => {
    expect(urlHost('https://Shop.Example.com.:443/x')).toBe('shop.example.com');
    expect(urlHost('not a url')).toBeNull();
  });
});
