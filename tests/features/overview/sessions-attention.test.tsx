import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { DEMO_KEY } from '../../support/demo-keys';
import { envelope, rateLimitHeaders } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import { fakeSessionsApi } from '../../support/msw/sessions-api';
import { OTHER_SESSION_ID, SESSION_ID, sessionFixture } from '../../support/msw/session-fixtures';
import { renderApp } from '../../support/render-app';

const DAY = 86_400_000;
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

const region = () => screen.findByRole('region', { name: 'Sessions needing attention' });

describe('overview: sessions needing attention', () => {
  it('lists the sessions expiring within 7 days or failing their last check, each linking to its details', async () => {
    fakeSessionsApi([
      sessionFixture({ expires_at: fromNow(2 * DAY + 60_000), expiry_status: 'expiring_soon' }),
      sessionFixture({
        id: OTHER_SESSION_ID,
        name: 'Shop',
        domain: 'shop.example.com',
        last_validated_at: fromNow(-DAY),
        last_validation_result: 'invalid',
        consecutive_failures: 2,
      }),
      sessionFixture({ id: '5e55104e-0000-4000-8000-000000000003', name: 'Fine', expires_at: fromNow(30 * DAY) }),
      sessionFixture({ id: '5e55104e-0000-4000-8000-000000000004', name: 'Deleted', status: 'invalid' }),
    ]);
    renderApp('/');
    const panel = await region();
    const demo = await within(panel).findByRole('link', { name: 'Demo members' });
    expect(demo).toHaveAttribute('href', `/sessions?session=${SESSION_ID}`);
    expect(demo.closest('li')).toHaveTextContent('expires in 2 d');
    expect(within(panel).getByRole('link', { name: 'Shop' }).closest('li')).toHaveTextContent(
      'failed its last check (2 in a row)',
    );
    expect(within(panel).queryByText('Fine')).not.toBeInTheDocument();
    expect(within(panel).queryByText('Deleted')).not.toBeInTheDocument();
  });

  it('says so when every session is fine', async () => {
    fakeSessionsApi([sessionFixture({ expires_at: fromNow(30 * DAY), expiry_status: 'valid' })]);
    renderApp('/');
    expect(
      await within(await region()).findByText('No session expires within 7 days or failed its last check.'),
    ).toBeInTheDocument();
  });

  it('fails on its own, with the guidance, leaving the other panels be', async () => {
    server.use(
      api.get('/sessions', () =>
        HttpResponse.json(envelope('INTERNAL_ERROR', 'Oops'), { status: 500, headers: rateLimitHeaders(40) }),
      ),
    );
    renderApp('/');
    expect(await within(await region()).findByTestId('guidance-card', {}, { timeout: 10_000 })).toHaveTextContent(
      'HTTP 500',
    );
    expect(await screen.findByTestId('balance')).toHaveTextContent('100,000 credits');
  });
});
