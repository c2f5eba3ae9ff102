import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { maskApiKey } from '../../contract/api-key';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { DEMO_KEY } from '../support/demo-keys';
import { envelope, rateLimitHeaders } from '../support/msw/fixtures';
import { api, server } from '../support/msw/server';
import { renderApp } from '../support/render-app';

const KEY = DEMO_KEY.free;
beforeEach(() => useCredentialsStore.getState().keyEntered(KEY, false));

describe('the header’s plan', () => {
  it('names the plan in the key badge, as the meter does, when GET /usage is refused with a 429', async () => {
    server.use(
      api.get('/usage', () =>
        HttpResponse.json(envelope('RATE_LIMIT_EXCEEDED', 'Rate limit of 30 requests per minute exceeded'), {
          status: 429,
          headers: {
            ...rateLimitHeaders(0, 30),
            'X-RateLimit-Burst-Limit': '5',
            'X-RateLimit-Burst-Remaining': '5',
            'Retry-After': '40',
          },
        }),
      ),
    );
    // A page that asks nothing of the API itself: the header's own call is the one refused.
    renderApp('/errors');

    const meter = await screen.findByRole('region', { name: 'Rate limit' });
    expect(await within(meter).findByTestId('rate-limit-plan')).toHaveTextContent('Free plan');
    const badge = await screen.findByRole('link', { name: `API key ${maskApiKey(KEY)}, Free plan: settings` });
    expect(within(badge).getByTestId('badge-plan')).toHaveTextContent('Free');
  });
});
