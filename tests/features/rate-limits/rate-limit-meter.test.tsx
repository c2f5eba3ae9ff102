import { act, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { sandboxQueries } from '../../../src/api/sandbox';
import { usageMutations, usageQueries } from '../../../src/api/usage';
import { DEMO_KEY } from '../../support/demo-keys';
import { envelope, rateLimitHeaders, sandboxInfoFixture, usageFixture } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';

const KEY = DEMO_KEY.free;
beforeEach(() => useCredentialsStore.getState().keyEntered(KEY, false));

const burst = (limit: number, remaining: number) => ({
  'X-RateLimit-Burst-Limit': String(limit),
  'X-RateLimit-Burst-Remaining': String(remaining),
});

/** The app on a page that asks nothing of the API itself, so the header's own calls are all there is. */
async function renderMeter() {
  const { queryClient } = renderApp('/errors');
  await screen.findByRole('region', { name: 'Rate limit' });
  return { queryClient, meter: () => screen.getByRole('region', { name: 'Rate limit' }) };
}

/** The free key with its minute spent, as the sandbox answers it. */
const exhausted = () =>
  api.get('/usage', () =>
    HttpResponse.json(envelope('RATE_LIMIT_EXCEEDED', 'Rate limit of 30 requests per minute exceeded'), {
      status: 429,
      headers: { ...rateLimitHeaders(0, 30), ...burst(5, 5), 'Retry-After': '40' },
    }),
  );

describe('the header meter', () => {
  it('keeps showing the key’s limits when a key-less call answers with the pre-auth bucket', async () => {
    server.use(
      exhausted(),
      api.get('/sandbox/info', () =>
        HttpResponse.json(sandboxInfoFixture(), { headers: { ...rateLimitHeaders(498, 500), ...burst(50, 49) } }),
      ),
    );
    const { queryClient, meter } = await renderMeter();
    await waitFor(() => expect(within(meter()).getByTestId('rate-limit-remaining')).toHaveTextContent('0 / 30'));

    await queryClient.fetchQuery(sandboxQueries.info());
    expect(within(meter()).getByTestId('rate-limit-remaining')).toHaveTextContent('0 / 30');
    expect(meter()).toHaveTextContent(/Exhausted:/);
    expect(meter()).not.toHaveTextContent(/500/);
    // GET /usage was refused, so the plan is named from the limits the answers carry.
    expect(within(meter()).getByTestId('rate-limit-plan')).toHaveTextContent('Free plan');
  });

  it('shows the minute window, the burst beside it, and the plan GET /usage names', async () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.scale, false);
    server.use(
      api.get('/usage', () =>
        HttpResponse.json(usageFixture({ plan: 'scale' }), {
          headers: { ...rateLimitHeaders(57, 60), ...burst(9, 8) },
        }),
      ),
    );
    const { meter } = await renderMeter();
    expect(await within(meter()).findByText('Scale plan', { exact: false })).toBeInTheDocument();
    expect(within(meter()).getByTestId('rate-limit-remaining')).toHaveTextContent('57 / 60');
    expect(meter()).toHaveTextContent(/57 \/ 60 left this minute · burst 8 \/ 9 a second/);
    expect(within(meter()).getByRole('meter', { name: 'Requests left this minute' })).toHaveAttribute('max', '60');
    expect(meter()).toHaveTextContent(/resets in (1 min|\d+ s)/);
  });

  it('shows, in plain sight, how many of the minute’s calls the dashboard made by itself', async () => {
    let remaining = 30;
    // One window: every answer names the same reset, whenever the clock ticks over a second.
    const reset = String(Math.floor(Date.now() / 1000) + 50);
    server.use(
      api.get('/usage', () =>
        HttpResponse.json(usageFixture({ plan: 'free' }), {
          headers: { ...rateLimitHeaders(--remaining, 30), 'X-RateLimit-Reset': reset, ...burst(5, 4) },
        }),
      ),
    );
    const { queryClient, meter } = await renderMeter();
    await waitFor(() => expect(within(meter()).getByTestId('rate-limit-remaining')).toHaveTextContent('29 / 30'));
    await act(() => queryClient.fetchQuery({ ...usageQueries.summary(), staleTime: 0 })); // the dashboard again
    await act(() => usageMutations.checkKey().mutationFn!({ apiKey: KEY }, undefined as never)); // the user

    const share = await within(meter()).findByTestId('rate-limit-dashboard-share');
    expect(share).toHaveTextContent('by the dashboard: 2 of 3 calls');
    expect(share.closest('.sr-only')).toBeNull();
  });

  it('holds its place from the first paint: the placeholder is the same box as the meter', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      api.get('/usage', async () => {
        await answered;
        return HttpResponse.json(usageFixture({ plan: 'free' }), {
          headers: { ...rateLimitHeaders(29, 30), ...burst(5, 4) },
        });
      }),
    );
    const { meter } = await renderMeter();
    const placeholder = meter();
    expect(placeholder).toHaveTextContent('Rate limit: waiting for the first answer');
    const box = placeholder.className;
    expect(box).toMatch(/\bh-20\b/);
    expect(box).toMatch(/\bw-full\b/);

    answer();
    await waitFor(() => expect(within(meter()).getByTestId('rate-limit-remaining')).toHaveTextContent('29 / 30'));
    expect(meter().className).toBe(box);
  });
});
