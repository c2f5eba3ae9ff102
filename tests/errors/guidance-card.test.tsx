import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { createAppRouter } from '../../src/app/router';
import { advise } from '../../src/errors/advise';
import type { FailureInput } from '../../src/errors/failure-input';
import { CATALOG, type FixAction } from '../../src/errors/catalog';
import { GuidanceCard } from '../../src/errors/guidance-card';

/** The card shows advice worked out once, when the failure happened: here, now. */
const adviceFor = (failure: FailureInput, headers: Record<string, string> = {}) => advise(failure, headers, new Date());

/** The card links into the reference, so it renders inside a router. */
function renderInRouter(ui: ReactNode) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return render(<RouterProvider router={router} />);
}

afterEach(() => vi.useRealTimers());

describe('GuidanceCard', () => {
  it('counts down to the moment a 429 may be retried', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z'), shouldAdvanceTime: false });
    const failure: FailureInput = { status: 429, code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down', retryAfter: 3 };
    renderInRouter(<GuidanceCard advice={adviceFor(failure, { 'retry-after': '3' })} />);
    await act(async () => vi.advanceTimersByTimeAsync(0));

    const card = screen.getByTestId('guidance-card');
    expect(within(card).getByTestId('retry-countdown')).toHaveTextContent('safe to retry in 3 s');
    expect(card).toHaveTextContent('not refunded');
    await act(async () => vi.advanceTimersByTimeAsync(2_000));
    expect(within(card).getByTestId('retry-countdown')).toHaveTextContent('safe to retry in 1 s');
    await act(async () => vi.advanceTimersByTimeAsync(1_500));
    expect(within(card).getByTestId('retry-countdown')).toHaveTextContent('Safe to retry now.');
  });

  it('flags a refund that disagrees with the policy', async () => {
    renderInRouter(
      <GuidanceCard
        advice={adviceFor({
          status: 403,
          code: 'BLOCKED_BY_ANTIBOT',
          billing: { refunded: false, refunded_credits: 0 },
        })}
      />,
    );
    const card = await screen.findByTestId('guidance-card');
    expect(card).toHaveTextContent('The response says it was not refunded.');
    expect(card).toHaveTextContent('The refund policy says this failure is refunded.');
    expect(within(card).getByRole('alert')).toHaveTextContent(/Mismatch/);
  });

  it('shows an honoured refund without a mismatch', async () => {
    renderInRouter(
      <GuidanceCard
        advice={adviceFor({ status: 504, code: 'TIMEOUT', billing: { refunded: true, refunded_credits: 5 } })}
      />,
    );
    const card = await screen.findByTestId('guidance-card');
    expect(card).toHaveTextContent('The response says it was refunded (5 credits).');
    expect(within(card).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('offers the fixes as buttons that hand the fix to the page', async () => {
    const onFix = vi.fn<(fix: FixAction) => void>();
    const user = userEvent.setup();
    renderInRouter(<GuidanceCard advice={adviceFor({ status: 403, code: 'BLOCKED_BY_ANTIBOT' })} onFix={onFix} />);
    await user.click(await screen.findByRole('button', { name: 'Allow tier 4 (CAPTCHA solving)' }));
    expect(onFix).toHaveBeenCalledWith(expect.objectContaining({ id: 'raise-max-tier-4', set: { max_tier: '4' } }));
  });

  it('lists request fixes only where they can be applied, but always links', async () => {
    renderInRouter(<GuidanceCard advice={adviceFor({ status: 401, code: 'INVALID_API_KEY' })} />);
    const card = await screen.findByTestId('guidance-card');
    expect(within(card).queryAllByRole('button')).toHaveLength(0);
    expect(
      within(card)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toContain('/settings');
    expect(card).toHaveTextContent('Do not retry as is');
  });

  it('links only to pages the dashboard has, never to "Page not found"', async () => {
    const pages = Object.keys(createAppRouter(new QueryClient()).routesByPath);
    const linked: string[] = [];
    for (const { status, code } of CATALOG) {
      const { unmount } = renderInRouter(<GuidanceCard advice={adviceFor({ status, code })} />);
      const card = await screen.findByTestId('guidance-card');
      // A fix link may carry a search (the session to refresh): the page it opens is its path.
      for (const link of within(card).queryAllByRole('link'))
        linked.push(new URL(link.getAttribute('href') ?? '', 'http://dashboard').pathname);
      unmount();
    }
    expect(linked).toContain('/settings');
    expect(linked.filter((href) => !href.startsWith('/errors/') && !pages.includes(href))).toEqual([]);
  });

  it('links a session failure’s fix to that session, and to the failed URL’s domain', async () => {
    const sessionId = '5e55104e-0000-4000-8000-000000000001';
    const expired = adviceFor({ status: 410, code: 'SESSION_EXPIRED', details: { session_id: sessionId } });
    const { unmount } = renderInRouter(<GuidanceCard advice={expired} />);
    expect(await screen.findByRole('link', { name: "Refresh the session's cookies" })).toHaveAttribute(
      'href',
      `/sessions?refresh=${sessionId}`,
    );
    unmount();
    const inactive = adviceFor({ status: 410, code: 'SESSION_INACTIVE' });
    renderInRouter(<GuidanceCard advice={inactive} context={{ url: 'https://www.Example.com/account' }} />);
    expect(await screen.findByRole('link', { name: 'Create a session for this domain' })).toHaveAttribute(
      'href',
      // The failed page, which the new session is checked on.
      `/sessions?domain=www.example.com&create=true&check=${encodeURIComponent('https://www.Example.com/account')}`,
    );
  });

  it('tells the two SESSION_EXPIRED apart by status', async () => {
    const { unmount } = renderInRouter(<GuidanceCard advice={adviceFor({ status: 401, code: 'SESSION_EXPIRED' })} />);
    expect(await screen.findByRole('heading', { level: 2 })).toHaveTextContent(/login/i);
    unmount();
    renderInRouter(<GuidanceCard advice={adviceFor({ status: 410, code: 'SESSION_EXPIRED' })} />);
    expect(await screen.findByRole('heading', { level: 2 })).toHaveTextContent(/session/i);
    expect(screen.getByRole('heading', { level: 2 })).not.toHaveTextContent(/login/i);
  });
});
