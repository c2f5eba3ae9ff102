import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { act, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { advise } from '../../src/errors/advise';
import type { FailureInput } from '../../src/errors/failure-input';
import { GuidanceCard } from '../../src/errors/guidance-card';

const adviceFor = (failure: FailureInput, headers: Record<string, string> = {}) => advise(failure, headers, new Date());

function renderInRouter(ui: ReactNode) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return render(<RouterProvider router={router} />);
}

const buttons = (card: HTMLElement) =>
  within(card)
    .queryAllByRole('button')
    .map((button) => button.textContent);

afterEach(() => vi.useRealTimers());

describe('GuidanceCard with the values it has', () => {
  it('says what INSUFFICIENT_CREDITS needed and what the account had, in the right plurals', async () => {
    const short = { status: 402, code: 'INSUFFICIENT_CREDITS', details: { required_credits: 5, available_credits: 2 } };
    const { unmount } = renderInRouter(<GuidanceCard advice={adviceFor(short)} />);
    expect(await screen.findByTestId('guidance-card')).toHaveTextContent(
      'This request needs 5 credits, you have 2 credits.',
    );
    unmount();
    const one = { ...short, details: { required_credits: 1, available_credits: 0 } };
    renderInRouter(<GuidanceCard advice={adviceFor(one)} />);
    expect(await screen.findByTestId('guidance-card')).toHaveTextContent(
      'This request needs 1 credit, you have 0 credits.',
    );
  });

  it('names the timeout a TIMEOUT ran with: the one the request set, else the default', async () => {
    const failure: FailureInput = { status: 504, code: 'TIMEOUT' };
    const { unmount } = renderInRouter(
      <GuidanceCard advice={adviceFor(failure)} request={{ url: 'https://example.com/', timeout: 30 }} />,
    );
    const card = await screen.findByTestId('guidance-card');
    expect(card).toHaveTextContent('It ran with the timeout this request set: 30 seconds.');
    expect(card).not.toHaveTextContent(/server error/i);
    unmount();
    renderInRouter(<GuidanceCard advice={adviceFor(failure)} request={{ url: 'https://example.com/' }} />);
    expect(await screen.findByTestId('guidance-card')).toHaveTextContent(
      'It ran with the default timeout: 90 seconds.',
    );
  });

  it('says the automatic retries were made, and nothing about retries after one try', async () => {
    const failure: FailureInput = { status: 503, code: 'SERVICE_UNAVAILABLE' };
    const { unmount } = renderInRouter(<GuidanceCard advice={adviceFor(failure)} attempts={2} />);
    expect(await screen.findByTestId('guidance-card')).toHaveTextContent(
      'The dashboard already sent it 2 times (1 automatic retry).',
    );
    unmount();
    renderInRouter(<GuidanceCard advice={adviceFor(failure)} attempts={1} />);
    expect(await screen.findByTestId('guidance-card')).not.toHaveTextContent(/already sent it/);
  });

  it('puts the fix first and "Try again" after it, and leaves "Try again" out where retrying fails the same way', async () => {
    const onFix = vi.fn();
    const onRetry = vi.fn();
    const request = { url: 'https://example.com/', mode: 'html' as const };
    const { unmount } = renderInRouter(
      <GuidanceCard
        advice={adviceFor({ status: 403, code: 'CHALLENGE_DETECTED' })}
        request={request}
        onFix={onFix}
        onRetry={onRetry}
      />,
    );
    expect(buttons(await screen.findByTestId('guidance-card'))).toEqual([
      'Render JavaScript (mode: js)',
      'Allow tier 4 and render JavaScript (max_tier: "4", mode: js)',
      'Try again',
    ]);
    unmount();
    renderInRouter(
      <GuidanceCard
        advice={adviceFor({ status: 401, code: 'REQUIRES_AUTH' })}
        request={request}
        onFix={onFix}
        onRetry={onRetry}
      />,
    );
    const card = await screen.findByTestId('guidance-card');
    expect(card).toHaveTextContent('Do not retry as is');
    expect(buttons(card)).toEqual(['Use a stored session for this domain', 'Send the login cookies with this request']);
  });

  it('keeps "Try again" of a rate limit disabled until the reset', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z'), shouldAdvanceTime: false });
    const advice = adviceFor({ status: 429, code: 'RATE_LIMIT_EXCEEDED' }, { 'retry-after': '3' });
    renderInRouter(<GuidanceCard advice={advice} onRetry={vi.fn()} />);
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('button', { name: 'Try again (in 3 s)' })).toBeDisabled();
    await act(async () => vi.advanceTimersByTimeAsync(3_100));
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
  });
});
