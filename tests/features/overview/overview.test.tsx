import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { envelope, rateLimitHeaders, usageFixture } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';
import { DEMO_KEY } from '../../support/demo-keys';

beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

describe('overview', () => {
  it('shows balance, plan, month totals and the recent requests with links to their guidance', async () => {
    renderApp('/');
    expect(await screen.findByTestId('balance')).toHaveTextContent('100,000 credits');
    expect(screen.getByTestId('plan-limits')).toHaveTextContent('100/min, 20/s burst');
    expect(screen.getByTestId('credits-refunded')).toHaveTextContent('5');

    const table = await screen.findByRole('table', { name: /latest requests/ });
    const link = within(table).getByRole('link', { name: 'BLOCKED_BY_ANTIBOT' });
    expect(link).toHaveAttribute('href', '/errors/BLOCKED_BY_ANTIBOT?status=403');
  });

  it('shows today’s spend, refunds and errors, each error linking to its guidance', async () => {
    renderApp('/');
    expect(await screen.findByTestId('refunds-today')).toHaveTextContent('5');
    expect(screen.getByTestId('charged-today')).toHaveTextContent('9');
    const today = screen.getByRole('region', { name: 'Today' });
    expect(within(today).getByRole('link', { name: 'PAYWALL_DETECTED' })).toHaveAttribute(
      'href',
      '/errors/PAYWALL_DETECTED',
    );
    expect(today).toHaveTextContent('PAYWALL_DETECTED × 2');
  });

  it('feeds the header meter from the responses’ rate-limit headers', async () => {
    renderApp('/');
    const meter = await screen.findByRole('region', { name: 'Rate limit' });
    expect(await within(meter).findByTestId('rate-limit-remaining')).toHaveTextContent(/9[5-7] \/ 100/);
    expect(within(meter).getByRole('meter')).toHaveAttribute('max', '100');
    expect(meter).toHaveTextContent(/OK:/);
  });

  it('renders the catalog guidance for a failed panel, and "Try again" refetches', async () => {
    let fail = true;
    server.use(
      api.get('/usage', () =>
        fail
          ? HttpResponse.json(envelope('SERVICE_UNAVAILABLE', 'Try later'), {
              status: 503,
              headers: rateLimitHeaders(90),
            })
          : HttpResponse.json(usageFixture({ balance_credits: 77 }), { headers: rateLimitHeaders(89) }),
      ),
    );
    const { user } = renderApp('/');
    const card = await screen.findByTestId('guidance-card');
    expect(card).toHaveTextContent('SERVICE_UNAVAILABLE · HTTP 503');
    expect(card).toHaveTextContent(/exponential back-off/);
    expect(card).toHaveTextContent('The API said: “Try later”');

    fail = false;
    await user.click(within(card).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('balance')).toHaveTextContent('77 credits');
  });

  it('says when the dashboard’s own background refresh hits the rate limit, and keeps the data', async () => {
    const { queryClient } = renderApp('/');
    expect(await screen.findByTestId('balance')).toHaveTextContent('100,000 credits');
    server.use(
      api.get('/usage', () =>
        HttpResponse.json(envelope('RATE_LIMIT_EXCEEDED', 'Rate limit exceeded', { retry_after: 20 }), {
          status: 429,
          headers: { ...rateLimitHeaders(0), 'Retry-After': '20' },
        }),
      ),
    );
    await queryClient.refetchQueries({ queryKey: ['usage', 'summary'] });
    expect(await screen.findByText(/background refresh hit the rate limit/)).toBeInTheDocument();
    expect(screen.getByTestId('balance')).toHaveTextContent('100,000 credits');
    expect(await screen.findByRole('region', { name: 'Rate limit' })).toHaveTextContent(/Exhausted:/);
  });
});
