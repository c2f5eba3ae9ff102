import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../../support/demo-keys';
import { renderApp } from '../../support/render-app';

/** What `curl -v` prints: the request it sent, the key and a login token among its headers, then the answer. */
const VERBOSE_CURL = [
  '> POST /api/v1/scrape HTTP/1.1',
  '> Host: api.alterlab.io',
  `> X-API-Key: ${DEMO_KEY.growth}`,
  '> Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl',
  '>',
  '< HTTP/1.1 413 Payload Too Large',
  '< x-request-id: req_11111111-2222-4333-8444-555555555555',
  '<',
  '{"error":"CONTENT_TOO_LARGE","message":"The page is larger than the 10 MB limit"}',
].join('\n');

describe('error reference: a pasted request with credentials', () => {
  it('keeps the API key and the login token out of the address, masked in the box', async () => {
    const { user, router } = renderApp('/errors');
    const search = await screen.findByRole('searchbox', { name: 'Search the errors' });
    await user.click(search);
    await user.paste(VERBOSE_CURL);

    const address = decodeURIComponent(router.state.location.href);
    expect(address).not.toContain(DEMO_KEY.growth);
    expect(address).not.toContain('c2VjcmV0');
    const shown = (search as HTMLInputElement).value;
    expect(shown).toContain('X-API-Key: sk_test_grow…0000');
    expect(shown).not.toContain(DEMO_KEY.growth);
  });
});
