import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, type DefaultBodyType } from 'msw';
import type { ErrorEnvelope } from '../../../contract/envelope';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import {
  dailyUsageFixture,
  envelope,
  rateLimitHeaders,
  requestLogFixture,
  usageFixture,
} from '../../support/msw/fixtures';
import { sessionListFixture } from '../../support/msw/session-fixtures';
import { api, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';
import { DEMO_KEY } from '../../support/demo-keys';

beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

describe('overview', () => {
  it('shows balance, plan and limits', async () => {
    renderApp('/');
    expect(await screen.findByTestId('balance')).toHaveTextContent('100,000 credits');
    expect(screen.getByTestId('plan')).toHaveTextContent('Growth');
    expect(screen.getByTestId('plan-limits')).toHaveTextContent('100/min, 20/s burst');
    expect(screen.queryByTestId('subscription-warning')).not.toBeInTheDocument();
  });

  it('shows today beside this month, saying which credits are before and after refunds', async () => {
    renderApp('/');
    const usage = await screen.findByRole('table', { name: 'Use today and this billing period' });
    const row = (name: RegExp) => within(usage).getByRole('row', { name });
    // Today: 9 charged, 5 refunded; the month: 12 charged, 5 refunded (the fixtures).
    expect(row(/^Credits charged, before refunds/)).toHaveTextContent(/9\s*12$/);
    expect(row(/^Credits refunded/)).toHaveTextContent(/5\s*5$/);
    expect(row(/^Credits spent, after refunds/)).toHaveTextContent(/4\s*7$/);
    expect(row(/^Requests/)).toHaveTextContent(/12\s*42$/);

    const panel = screen.getByRole('region', { name: 'Usage' });
    expect(within(panel).getByRole('link', { name: 'PAYWALL_DETECTED' })).toHaveAttribute(
      'href',
      '/errors/PAYWALL_DETECTED',
    );
    expect(panel).toHaveTextContent('PAYWALL_DETECTED × 2');
    const todays = within(panel).getByRole('link', { name: '2 PAYWALL_DETECTED today: open them in the request log' });
    const search = new URL(todays.getAttribute('href')!, 'http://dashboard').searchParams;
    expect(todays.getAttribute('href')).toMatch(/^\/triage\/log\?/);
    expect(search.get('code')).toBe('PAYWALL_DETECTED');
    expect(search.get('since')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('never shows fewer requests this month than today, even when the month was read first', async () => {
    // A request log like the API's: a call counts once answered, and both totals count the same calls. Today's
    // call is answered only after the overview's month call (the key check's is the first): the month misses it.
    let logged = 0;
    let usageCalls = 0;
    const waiting: (() => void)[] = [];
    server.use(
      api.get('/usage', () => {
        const answer = usageFixture({ requests_month: logged, requests_count: logged });
        logged++;
        usageCalls++;
        waiting.splice(0).forEach((wake) => wake());
        return HttpResponse.json(answer, { headers: rateLimitHeaders(90) });
      }),
      api.get('/usage/daily', async () => {
        while (usageCalls < 2) await new Promise<void>((wake) => waiting.push(wake));
        const answer = dailyUsageFixture([{ requests: logged }]);
        logged++;
        return HttpResponse.json(answer, { headers: rateLimitHeaders(90) });
      }),
    );
    useCredentialsStore.getState().keyForgotten();
    const { user } = renderApp('/');
    await user.type(await screen.findByLabelText('API key'), DEMO_KEY.growth);
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    const today = Number((await screen.findByTestId('requests-today')).textContent);
    const month = Number(screen.getByTestId('requests-month').textContent);
    expect(today).toBeGreaterThan(0);
    expect(month).toBeGreaterThanOrEqual(today);
  });

  it('lists the user’s own calls by default, with target, outcome, credits and refund', async () => {
    const requested: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/requests')) requested.push(url.searchParams.get('origin'));
    });
    const { user, router } = renderApp('/');
    const table = await screen.findByRole('table', { name: 'The ten latest requests you made with this key' });
    const [, row] = within(table).getAllByRole('row');
    expect(row).toHaveTextContent('https://shop.example.com/item');
    expect(within(row!).getByRole('link', { name: 'BLOCKED_BY_ANTIBOT' })).toHaveAttribute(
      'href',
      '/errors/BLOCKED_BY_ANTIBOT?status=403',
    );
    expect(
      within(row!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(expect.arrayContaining(['5 credits', '5 credits']));
    expect(table).not.toHaveTextContent('GET /api/v1/usage');
    expect(within(row!).getByRole('link', { name: /open this request$/ })).toHaveAttribute(
      'href',
      '/triage/requests/req_00000000-0000-4000-8000-000000000001',
    );

    expect(screen.getByRole('button', { name: 'Your calls' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'The dashboard’s own calls' }));
    const own = await screen.findByRole('table', { name: /requests the dashboard made by itself/ });
    expect(own).toHaveTextContent('GET /api/v1/usage');
    expect(own).not.toHaveTextContent('shop.example.com');
    expect(screen.getByRole('button', { name: 'The dashboard’s own calls' })).toHaveAttribute('aria-pressed', 'true');
    expect(router.state.location.search).toEqual({ calls: 'dashboard' });
    expect(requested).toEqual(['user', 'dashboard']);
    server.events.removeAllListeners();
  });

  it('warns of a lapsed subscription and says what to do', async () => {
    server.use(
      api.get('/usage', () =>
        HttpResponse.json(usageFixture({ subscription_status: 'cancelled', plan: 'basic' }), {
          headers: rateLimitHeaders(50, 60),
        }),
      ),
    );
    renderApp('/');
    const warning = await screen.findByRole('region', { name: /subscription is cancelled/ });
    expect(warning).toHaveTextContent(/refused with SUBSCRIPTION_INACTIVE and nothing is charged/);
    // The catalog's advice is a module of its own, loaded with the warning.
    await waitFor(() => expect(warning).toHaveTextContent(/update the payment method/));
    expect(within(warning).getByRole('link', { name: 'SUBSCRIPTION_INACTIVE' })).toHaveAttribute(
      'href',
      '/errors/SUBSCRIPTION_INACTIVE',
    );
    expect(within(warning).getByRole('link', { name: /use another key in Settings/ })).toHaveAttribute(
      'href',
      '/settings',
    );
  });

  it('feeds the header meter from the responses’ rate-limit headers', async () => {
    renderApp('/');
    const meter = await screen.findByRole('region', { name: 'Rate limit' });
    expect(await within(meter).findByTestId('rate-limit-remaining')).toHaveTextContent(/9\d \/ 100/);
    expect(within(meter).getByRole('meter')).toHaveAttribute('max', '100');
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
    const account = await screen.findByRole('region', { name: 'Account' });
    const card = await within(account).findByTestId('guidance-card');
    expect(card).toHaveTextContent('SERVICE_UNAVAILABLE · HTTP 503');
    expect(card).toHaveTextContent('The API said: “Try later”');

    fail = false;
    await user.click(within(card).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('balance')).toHaveTextContent('77 credits');
  });

  it('under a 429 shows one notice, waits for the reset to try again, and recovers by itself', async () => {
    const resetAt = Date.now() + 2000;
    const sentAfterClick: number[] = [];
    let clicked = false;
    // Until the reset every overview call is refused; after it, each answers as usual.
    const limitedUntilReset = <T extends DefaultBodyType>(answer: () => T) =>
      Date.now() < resetAt
        ? HttpResponse.json<T | ErrorEnvelope>(
            envelope('RATE_LIMIT_EXCEEDED', 'Rate limit exceeded', { retry_after: 2 }),
            {
              status: 429,
              headers: { ...rateLimitHeaders(0, 100, 2), 'Retry-After': '2' },
            },
          )
        : HttpResponse.json<T | ErrorEnvelope>(answer(), { headers: rateLimitHeaders(80) });
    server.events.on('request:start', () => {
      if (clicked) sentAfterClick.push(Date.now());
    });
    server.use(
      api.get('/usage/daily', () => limitedUntilReset(() => dailyUsageFixture([]))),
      api.get('/requests', () => limitedUntilReset(() => requestLogFixture([]))),
      api.get('/sessions', () => limitedUntilReset(() => sessionListFixture([]))),
    );
    const { user } = renderApp('/');
    const notice = await screen.findByRole('region', {
      name: /rate limit of this key is used up \(RATE_LIMIT_EXCEEDED\)/,
    });
    expect(notice).toHaveTextContent(/loads again by itself/);
    expect(screen.queryAllByTestId('guidance-card')).toHaveLength(0);
    expect(screen.queryByRole('region', { name: 'Account' })).not.toBeInTheDocument();

    const tryAgain = within(notice).getByRole('button', { name: 'Try again' });
    clicked = true;
    await user.click(tryAgain);
    expect(within(notice).getByRole('button')).toHaveTextContent(/Trying again at the reset/);

    expect(await screen.findByTestId('balance', {}, { timeout: 6000 })).toHaveTextContent('100,000 credits');
    expect(screen.queryByTestId('rate-limit-notice')).not.toBeInTheDocument();
    expect(sentAfterClick.length).toBeGreaterThan(0);
    // Nothing went out between the click and the reset.
    expect(Math.min(...sentAfterClick)).toBeGreaterThanOrEqual(resetAt);
    server.events.removeAllListeners();
  });

  it('tells a refusal of the second’s burst from a spent minute, and loads again by itself', async () => {
    const refusedUntil = Date.now() + 1000;
    // The free plan's burst: the minute has 24 calls left, the second none.
    const burstRefusal = <T extends DefaultBodyType>(answer: () => T) =>
      Date.now() < refusedUntil
        ? HttpResponse.json<T | ErrorEnvelope>(
            envelope('RATE_LIMIT_EXCEEDED', 'Rate limit of 5 requests per second exceeded', {
              retry_after: 1,
              details: { limit: 5, remaining: 0, reset: Math.ceil(refusedUntil / 1000), window: 'second' },
            }),
            { status: 429, headers: { ...rateLimitHeaders(24, 30), 'Retry-After': '1' } },
          )
        : HttpResponse.json<T | ErrorEnvelope>(answer(), { headers: rateLimitHeaders(23, 30) });
    server.use(
      api.get('/usage/daily', () => burstRefusal(() => dailyUsageFixture([]))),
      api.get('/requests', () => burstRefusal(() => requestLogFixture([]))),
      api.get('/sessions', () => burstRefusal(() => sessionListFixture([]))),
    );
    renderApp('/');
    const notice = await screen.findByRole('region', {
      name: 'Too many calls with this key in one second (RATE_LIMIT_EXCEEDED)',
    });
    expect(notice).toHaveTextContent(/more were sent in one second than the key’s burst allows/);
    expect(notice).not.toHaveTextContent(/used up/);
    expect(await screen.findByTestId('balance', {}, { timeout: 6000 })).toHaveTextContent('100,000 credits');
  });
});
