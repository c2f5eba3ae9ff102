import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { DEMO_KEY } from '../../support/demo-keys';
import { envelope, rateLimitHeaders } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import { fakeSessionsApi } from '../../support/msw/sessions-api';
import { OTHER_SESSION_ID, sessionFixture, sessionListFixture } from '../../support/msw/session-fixtures';
import { renderApp } from '../../support/render-app';

const HOUR = 3_600_000;
// The page reads the time in whole seconds, so each fixture sits a margin away from a unit's boundary.
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

const demo = () =>
  sessionFixture({
    cookie_names: ['demo_session', 'csrf'],
    cookie_count: 2,
    expires_at: fromNow(48 * HOUR + 60_000),
    expiry_status: 'expiring_soon',
    last_validated_at: fromNow(-3 * HOUR - 5 * 60_000),
    last_validation_result: 'valid',
    total_requests: 6,
    successful_requests: 5,
    success_rate: 5 / 6,
    last_used_at: fromNow(-10 * 60_000 - 20_000),
  });
const shop = () =>
  sessionFixture({
    id: OTHER_SESSION_ID,
    name: 'Shop',
    domain: 'shop.example.com',
    status: 'expired',
    expires_at: fromNow(-5 * 24 * HOUR - 5 * 60_000),
    expiry_status: 'expired',
    last_validated_at: fromNow(-HOUR - 5 * 60_000),
    last_validation_result: 'invalid',
    consecutive_failures: 3,
  });
const deleted = () =>
  sessionFixture({ id: '5e55104e-0000-4000-8000-000000000003', name: 'Old login', status: 'invalid' });

beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

async function openTable(path = '/sessions') {
  const view = renderApp(path);
  // The page is a lazy chunk: the first test of a file waits for it to load.
  const table = await screen.findByRole('table', { name: /Stored sessions/ }, { timeout: 10_000 });
  return { ...view, table };
}

describe('sessions list', () => {
  it('shows each session: cookie names, status in words, expiry countdown, last check, success rate, last use', async () => {
    fakeSessionsApi([demo(), shop()]);
    const { table } = await openTable();
    const row = within(table).getByRole('row', { name: /Demo members/ });
    expect(row).toHaveTextContent('127.0.0.1');
    expect(row).toHaveTextContent('demo_session, csrf');
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(row).toHaveTextContent('expires in 2 d');
    expect(row).toHaveTextContent(/3 h ago · ✓ logged in/);
    expect(row).toHaveTextContent('83 % (5 of 6)');
    expect(row).toHaveTextContent('10 min ago');

    const expired = within(table).getByRole('row', { name: /Shop/ });
    expect(within(expired).getByText('Expired')).toBeInTheDocument();
    expect(expired).toHaveTextContent('expired 5 d ago');
    expect(expired).toHaveTextContent(/not logged in \(3 in a row\)/);
    expect(expired).toHaveTextContent('No requests yet');
    expect(expired).toHaveTextContent('Never');
  });

  it('meters the sessions in use against the limit, and lists the clean-up candidates in one click', async () => {
    const api_ = fakeSessionsApi([demo(), shop(), deleted()]);
    const { user, router } = await openTable();
    expect(screen.getByTestId('session-limit')).toHaveTextContent('2 of 50 sessions in use');
    expect(screen.getByRole('meter', { name: 'Sessions in use' })).toHaveAttribute('value', '2');

    await user.click(screen.getByRole('link', { name: /List expired and inactive sessions/ }));
    expect(router.state.location.search).toEqual({ status: 'cleanup' });
    const table = await screen.findByRole('table', { name: /filtered: 2/ });
    expect(within(table).queryByRole('row', { name: /Demo members/ })).not.toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Shop/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Old login/ })).toHaveTextContent('Inactive');
    expect(screen.getByLabelText('Status')).toHaveValue('cleanup');
    expect(api_.calls.filter((call) => call.method === 'GET').map((call) => call.search)).toContain('');
  });

  it.each([
    [47, '3 more can be stored'],
    [50, 'Limit reached: a new session is refused (SESSION_LIMIT_REACHED)'],
  ])('counts %i in use from the list’s own counts', async (inUse, text) => {
    server.use(
      api.get('/sessions', () =>
        HttpResponse.json(sessionListFixture([demo()], { in_use: inUse }), { headers: rateLimitHeaders(90) }),
      ),
    );
    await openTable();
    expect(screen.getByTestId('session-limit')).toHaveTextContent(`${inUse} of 50`);
    expect(screen.getByRole('region', { name: 'Session limit' })).toHaveTextContent(text);
  });

  it('filters by status and domain through the URL, and checks the domain before asking', async () => {
    const sessionsApi = fakeSessionsApi([demo(), shop()]);
    const { user, router } = await openTable();

    await user.selectOptions(screen.getByLabelText('Status'), 'Expired');
    expect(router.state.location.search).toEqual({ status: 'expired' });
    expect(await screen.findByRole('table', { name: /filtered: 1/ })).toHaveTextContent('Shop');
    expect(sessionsApi.calls.at(-1)?.search).toBe('?status=expired');

    const domain = screen.getByRole('searchbox', { name: 'Domain' });
    await user.type(domain, 'not a host!');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    expect(await screen.findByText('Enter a host like example.com')).toHaveAttribute('role', 'alert');
    expect(router.state.location.search).toEqual({ status: 'expired' });

    await user.clear(domain);
    await user.type(domain, 'www.shop.example.com');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    expect(router.state.location.search).toEqual({ status: 'expired', domain: 'www.shop.example.com' });
    expect(await screen.findByRole('table', { name: /filtered: 1/ })).toHaveTextContent('Shop');

    await user.click(screen.getByRole('link', { name: 'Clear filters' }));
    expect(await screen.findByRole('table', { name: 'Stored sessions: 2' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Domain' })).toHaveValue('');
  });

  it('ignores a bad filter in the URL instead of failing', async () => {
    fakeSessionsApi([demo(), shop()]);
    await openTable('/sessions?status=bogus&session=not-a-uuid');
    expect(await screen.findByRole('table', { name: 'Stored sessions: 2' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows the catalog’s guidance when the list fails, and "Try again" asks again', async () => {
    let fail = true;
    server.use(
      api.get('/sessions', () =>
        fail
          ? HttpResponse.json(envelope('SERVICE_UNAVAILABLE', 'Try later'), {
              status: 503,
              headers: rateLimitHeaders(9),
            })
          : HttpResponse.json(sessionListFixture([demo()]), { headers: rateLimitHeaders(8) }),
      ),
    );
    const { user } = renderApp('/sessions');
    const cards = await screen.findAllByTestId('guidance-card', {}, { timeout: 10_000 });
    expect(cards[0]).toHaveTextContent('SERVICE_UNAVAILABLE · HTTP 503');
    fail = false;
    for (const card of cards) await user.click(within(card).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: /Stored sessions/ })).toHaveTextContent('Demo members');
  });
});
