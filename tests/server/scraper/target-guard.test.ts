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
    await expect(guard.check('http://93.184.216.34/')).resolves.toBeUndefined();
  });

  it('refuses, at connect time, a name that now resolves to a private address (DNS rebinding)', async () => {
    const rebound = await lookUp('rebind.example', { 'rebind.example': '10.0.0.5' });
    expect(rebound.error?.message).toMatch(/private address/);
    const fine = await lookUp('public.example', { 'public.example': '93.184.216.34' });
    expect(fine.error).toBeNull();
    expect(fine.address).toEqual([{ address: '93.184.216.34', family: 4 }]);
    expect((await lookUp('localhost', { localhost: '127.0.0.1' })).error).toBeNull();
  });
});
