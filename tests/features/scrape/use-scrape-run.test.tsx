import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ScrapeRequest } from '../../../contract/scrape';
import type { RunOutcome } from '../../../src/features/scrape/run-history-store';
import { useScrapeRun } from '../../../src/features/scrape/use-scrape-run';
import { usageFixture } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import {
  advance,
  failure,
  jobFixture,
  ok,
  REQUEST,
  scrapeAnswers,
  scrapeResultFixture,
  setUpScrapeRunTests,
} from '../../support/scrape-run';

setUpScrapeRunTests();

/** The hook alone, with a fresh QueryClient that retries nothing by itself. */
function renderRun() {
  const onSettled = vi.fn<(request: ScrapeRequest, outcome: RunOutcome) => void>();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const view = renderHook(() => useScrapeRun({ onSettled }), { wrapper });
  return { ...view, onSettled, queryClient };
}

describe('useScrapeRun', () => {
  it('cancels the run in flight when a new one starts, and reports only the new one', async () => {
    const bodies = scrapeAnswers(failure(503, 'SERVICE_UNAVAILABLE'), ok());
    const { result, onSettled } = renderRun();
    act(() => result.current.start(REQUEST));
    await waitFor(() => expect(result.current.state.phase).toBe('waiting'));
    expect(result.current.isRunning).toBe(true);

    const other = { url: 'https://example.com/other' };
    act(() => result.current.start(other));
    await waitFor(() => expect(result.current.state.phase).toBe('succeeded'));
    await advance(10_000);
    expect(bodies).toEqual([REQUEST, other]);
    expect(onSettled).toHaveBeenCalledOnce();
    expect(onSettled).toHaveBeenCalledWith(other, expect.objectContaining({ ok: true, status: 200 }));
  });

  it('reports a failure once, with its code, request id and refund, and keeps the advice it worked out', async () => {
    scrapeAnswers(failure(400, 'INVALID_REQUEST'));
    const { result, onSettled } = renderRun();
    act(() => result.current.start(REQUEST));
    await waitFor(() => expect(result.current.state.phase).toBe('failed'));
    expect(onSettled).toHaveBeenCalledExactlyOnceWith(REQUEST, {
      ok: false,
      status: 400,
      code: 'INVALID_REQUEST',
      requestId: 'req_11111111-2222-4333-8444-555555555555',
      refunded: true,
    });
    const { state } = result.current;
    expect(state.phase === 'failed' && state.advice).toMatchObject({
      match: 'code',
      entry: { code: 'INVALID_REQUEST', status: 400 },
      retry: { rule: 'never', automatic: false },
    });
  });

  it('marks the balance and the log out of date after a run, without fetching them', async () => {
    scrapeAnswers(ok());
    const { result, queryClient } = renderRun();
    queryClient.setQueryData(['usage', 'summary'], usageFixture());
    act(() => result.current.start(REQUEST));
    await waitFor(() => expect(result.current.state.phase).toBe('succeeded'));
    await waitFor(() => expect(queryClient.getQueryState(['usage', 'summary'])?.isInvalidated).toBe(true));
    expect(queryClient.getQueryState(['usage', 'summary'])?.fetchStatus).toBe('idle');
  });

  it('finishes a job once, and only the job of the run under way', async () => {
    scrapeAnswers({ accepted: 'job_1' });
    const { result, onSettled } = renderRun();
    act(() => result.current.start(REQUEST));
    await waitFor(() => expect(result.current.state).toMatchObject({ phase: 'job', jobId: 'job_1' }));

    const done = jobFixture('succeeded', { result: scrapeResultFixture() });
    act(() => result.current.jobFinished('job_2', { ...done, job_id: 'job_2' }));
    act(() => result.current.jobFinished('job_1', jobFixture('processing')));
    expect(result.current.state.phase).toBe('job');
    act(() => result.current.jobFinished('job_1', done));
    act(() => result.current.jobFinished('job_1', done));
    expect(result.current.state.phase).toBe('succeeded');
    expect(onSettled).toHaveBeenCalledOnce();
  });

  it('aborts the request in flight when unmounted, and reports nothing', async () => {
    let reached = false;
    let aborted = false;
    server.use(
      api.post('/scrape', async ({ request }) => {
        reached = true;
        await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
        aborted = true;
        return HttpResponse.json(scrapeResultFixture());
      }),
    );
    const { result, unmount, onSettled } = renderRun();
    act(() => result.current.start(REQUEST));
    expect(result.current.state.phase).toBe('running');
    await waitFor(() => expect(reached).toBe(true));
    unmount();
    await waitFor(() => expect(aborted).toBe(true));
    await advance(10_000);
    expect(onSettled).not.toHaveBeenCalled();
  });

  it('clears the wait on unmount: nothing more is sent', async () => {
    const bodies = scrapeAnswers(failure(429, 'RATE_LIMIT_EXCEEDED', { 'Retry-After': '5' }), ok());
    const { result, unmount, onSettled } = renderRun();
    act(() => result.current.start(REQUEST));
    await waitFor(() => expect(result.current.state.phase).toBe('waiting'));
    unmount();
    await advance(60_000);
    expect(bodies).toHaveLength(1);
    expect(onSettled).not.toHaveBeenCalled();
  });
});
