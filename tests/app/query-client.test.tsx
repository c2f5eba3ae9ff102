import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { type DefaultBodyType, HttpResponse } from 'msw';
import type { ErrorEnvelope } from '../../contract/envelope';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { requestQueries } from '../../src/api/requests';
import { usageQueries } from '../../src/api/usage';
import { createQueryClient } from '../../src/app/query-client';
import { useNoticeStore } from '../../src/components/notice-store';
import { DEMO_KEY } from '../support/demo-keys';
import { envelope, rateLimitHeaders, requestLogFixture, usageFixture } from '../support/msw/fixtures';
import { api, server } from '../support/msw/server';

afterEach(() => vi.useRealTimers());

function Balance() {
  const { data } = useQuery(usageQueries.summary());
  return <p>{data ? `balance ${data.balance_credits}` : 'loading'}</p>;
}

describe('background refreshing', () => {
  it('pauses while the key’s budget is low and resumes once its minute resets', async () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.free, false);
    let calls = 0;
    let remaining = 20;
    server.use(
      api.get('/usage', () => {
        calls++;
        return HttpResponse.json(usageFixture({ balance_credits: calls }), {
          headers: rateLimitHeaders(remaining, 30, 60),
        });
      }),
    );
    const queryClient = createQueryClient();
    const key = usageQueries.summary().queryKey;
    /** Shows the balance again, as a page coming back into view does, once what it shows has gone stale. */
    const showAgain = () => {
      void queryClient.invalidateQueries({ queryKey: key, refetchType: 'none' });
      return render(
        <QueryClientProvider client={queryClient}>
          <Balance />
        </QueryClientProvider>,
      );
    };

    let view = showAgain();
    await screen.findByText('balance 1');
    view.unmount();
    // With room in the minute, stale data on screen is refreshed: the positive control.
    remaining = 3;
    view = showAgain();
    await screen.findByText('balance 2');
    view.unmount();

    // 3 of 30 left: stale data stays as it is, and nothing is asked.
    view = showAgain();
    expect(screen.getByText('balance 2')).toBeInTheDocument();
    expect(queryClient.getQueryState(key)).toMatchObject({ fetchStatus: 'idle', isInvalidated: true });
    view.unmount();
    expect(calls).toBe(2);

    // Past the reset, the budget is whole again as far as the dashboard knows.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    showAgain();
    expect(queryClient.getQueryState(key)?.fetchStatus).toBe('fetching');
    expect(await screen.findByText('balance 3')).toBeInTheDocument();
  });
});

describe('background refresh failures', () => {
  it('a rate limit that fails several refreshes at once is one notice', async () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
    useNoticeStore.setState({ notices: [] });
    const queryClient = createQueryClient();
    queryClient.setQueryData(usageQueries.summary().queryKey, usageFixture());
    queryClient.setQueryData(requestQueries.list({ limit: 10 }).queryKey, requestLogFixture());
    // The typed handlers answer their resource's shape or, as here, the error envelope.
    const limited = <T extends DefaultBodyType>() =>
      HttpResponse.json<T | ErrorEnvelope>(envelope('RATE_LIMIT_EXCEEDED', 'Slow down', { retry_after: 30 }), {
        status: 429,
        headers: { ...rateLimitHeaders(0, 100, 30), 'retry-after': '30' },
      });
    server.use(api.get('/usage', limited), api.get('/requests', limited));

    await Promise.allSettled([
      queryClient.fetchQuery({ ...usageQueries.summary(), retry: false, staleTime: 0 }),
      queryClient.fetchQuery({ ...requestQueries.list({ limit: 10 }), retry: false, staleTime: 0 }),
    ]);

    const notices = useNoticeStore.getState().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('RATE_LIMIT_EXCEEDED');
  });
});
