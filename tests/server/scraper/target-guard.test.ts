import type { LookupAddress, LookupOptions } from 'node:dns';
import { type lookup as dnsLookup } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { createTargetGuard, publicOnlyLookup } from '../../../server/scraper/target-guard';

/** A resolver that answers what a hostile DNS server would. */
const fakeResolver = (answers: Record<string, string>) =>
  ((hostname: string, _options: LookupOptions, callback: (error: Error | null, addresses: LookupAddress[]) => void) => {
    const address = answers[hostname];
    if (!address) return callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), []);
    callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
  }) as unknown as typeof dnsLookup;

function lookUp(hostname: string, answers: Record<string, string>) {
  return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) => {
    publicOnlyLookup(fakeResolver(answers))(hostname, { all: true }, (error, address) => resolve({ error, address }));
  });
}

describe('the target guard', () => {
  const guard = createTargetGuard({ allowPrivate: false, demoWebUrl: 'http://127.0.0.1:8788' });

  it.each([
    'http://127.0.0.1:22/',
    'http://10.1.2.3/',
    'http://192.168.0.1/',
    'http://169.254.169.254/latest',
    'http://[::1]:80/',
  ])('refuses %s', async (url) => {
    await expect(guard.check(url)).rejects.toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
  });

  it('lets the demo web and public addresses through', async () => {
    await expect(guard.check('http://127.0.0.1:8788/article')).resolves.toBeUndefined();
    // The same host after the URL parser's normalisation, so the same address and port.
    await expect(guard.check('http://0x7f.0.0.1:8788/article')).resolves.toBeUndefined();
    await expect(guard.check('http://93.184.216.34/')).resolves.toBeUndefined();
    await expect(guard.check('http://[2606:4700::6810:84e5]/')).resolves.toBeUndefined();
  });

  // The demo web is exactly one host and port: other loopback names and addresses on its port are other services.
  it.each([
    'http://127.0.0.2:8788/',
    'http://localhost:8788/',
    'http://[::1]:8788/',
    'http://[::ffff:127.0.0.1]:8788/',
    'http://0.0.0.0:8788/',
    'http://127.0.0.1:8789/',
    'http://127.0.0.1/',
  ])('refuses %s, which only shares the demo web’s port or host', async (url) => {
    await expect(guard.check(url)).rejects.toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
  });

  it.each(['http://[::127.0.0.1]/', 'http://[::127.0.0.1]:8788/', 'http://[::10.0.0.1]/', 'http://[64:ff9b::7f00:1]/'])(
    'refuses %s, an IPv6 form of an IPv4 address',
    async (url) => {
      await expect(guard.check(url)).rejects.toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
    },
  );

  it('refuses names that resolve to loopback, and lets the demo web through when it is reached by name', async () => {
    const named = createTargetGuard({ allowPrivate: false, demoWebUrl: 'http://localhost:8788' });
    await expect(named.check('http://localhost:8788/article')).resolves.toBeUndefined();
    await expect(named.check('http://127.0.0.1:8788/article')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(named.check('http://localhost:22/')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('refuses, at connect time, a name that now resolves to a private address (DNS rebinding)', async () => {
    const rebound = await lookUp('rebind.example', { 'rebind.example': '10.0.0.5' });
    expect(rebound.error?.message).toMatch(/private address/);
    const fine = await lookUp('public.example', { 'public.example': '93.184.216.34' });
    expect(fine.error).toBeNull();
    expect(fine.address).toEqual([{ address: '93.184.216.34', family: 4 }]);
    expect((await lookUp('localhost', { localhost: '127.0.0.1' })).error?.message).toMatch(/private address/);
    expect((await lookUp('compat.example', { 'compat.example': '::7f00:1' })).error?.message).toMatch(/private/);
  });

  it('trusts at connect time only the demo web’s own name', async () => {
    const trusted = (hostname: string) =>
      new Promise<Error | null>((resolve) => {
        const answers = { 'demo.test': '127.0.0.1', 'other.test': '127.0.0.1' };
        publicOnlyLookup(fakeResolver(answers), 'demo.test')(hostname, { all: true }, (error) => resolve(error));
      });
    expect(await trusted('demo.test')).toBeNull();
    expect(await trusted('other.test')).not.toBeNull();
  });
});
