import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { keyFingerprint, useRateLimitStore } from '../../../src/api/rate-limit-store';
import { DEMO_KEY } from '../../support/demo-keys';
import { renderApp } from '../../support/render-app';

beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

describe('the overview’s rate-limit card', () => {
  it('sums up the key’s latest calls as the meter sees them, and links to /rate-limits', async () => {
    const reset = Math.floor(Date.now() / 1000) + 30;
    const refusal = {
      at: Date.now() - 2000,
      limit: 100,
      remaining: 0,
      reset,
      burst: null,
      source: 'user' as const,
      method: 'GET',
      path: '/usage',
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
      retryAfter: 30,
    };
    useRateLimitStore.getState().responseObserved(keyFingerprint(DEMO_KEY.growth), refusal);
    const { user, router } = renderApp('/');
    const card = await screen.findByRole('region', { name: 'Rate limits' });
    expect(within(card).getByTestId('overview-rate-limit')).toHaveTextContent(/refused \(429\)/);
    expect(within(card).getByRole('img', { name: /Requests left over the last \d+ calls/ })).toBeInTheDocument();

    await user.click(within(card).getByRole('link', { name: 'Open rate limits' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/rate-limits'));
  });

  it('says the minute is over once it is, rather than count what is left of it', async () => {
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Rate limits' });
    const text = await within(card).findByTestId('overview-rate-limit');
    expect(text).toHaveTextContent(/^\d+ \/ 100 left this minute/);

    // The page stays open, calling nothing, past the minute its calls were counted in.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    onTestFinished(() => void vi.useRealTimers());
    await waitFor(() => expect(text).toHaveTextContent(/^Was \d+ \/ 100 left; that minute is over/));
    expect(text).not.toHaveTextContent('left this minute');
  });
});
