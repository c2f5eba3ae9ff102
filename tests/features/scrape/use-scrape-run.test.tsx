import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { ScrapeRequest } from '../../../contract/scrape';
import { useScrapeRun, type RunOutcome } from '../../../src/features/scrape/use-scrape-run';
import { API, server } from '../../support/msw/server';
import {
  advance,
  failure,
  ok,
  REQUEST,
  scrapeAnswers,
  scrapeResultFixture,
  setUpScrapeRunTests,
} from '../../support/scrape-run';

setUpScrapeRunTests();

describe('useScrapeRun', () => {
  const settled = () => vi.fn<(request: ScrapeRequest, outcome: RunOutcome) => void>();

  it('cancels the run in flight when a new one starts, and reports only the new one', async () => {
    const bodies = scrapeAnswers(failure(503, 'SERVICE_UNAVAILABLE'), ok());
    const onSettled = settled();
    const { result } = renderHook(() => useScrapeRun({ onSettled }));
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

  it('reports a failure once, with its code, request id and refund', async () => {
    scrapeAnswers(failure(400, 'INVALID_REQUEST'));
    const onSettled = settled();
    const { result } = renderHook(() => useScrapeRun({ onSettled }));
    act(() => result.current.start(REQUEST));
    await waitFor(() => expect(result.current.state.phase).toBe('failed'));
    expect(onSettled).toHaveBeenCalledExactlyOnceWith(REQUEST, {
      ok: false,
      status: 400,
      code: 'INVALID_REQUEST',
      requestId: 'req_11111111-2222-4333-8444-555555555555',
      refunded: true,
    });
  });

  it('aborts the request in flight when unmounted', async () => {
    let reached = false;
    let aborted = false;
    server.use(
      http.post(`${API}/scrape`, async ({ request }) => {
        reached = true;
        await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
        aborted = true;
        return HttpResponse.json(scrapeResultFixture());
      }),
    );
    const onSettled = settled();
    const { result, unmount } = renderHook(() => useScrapeRun({ onSettled }));
    act(() => result.current.start(REQUEST));
    expect(result.current.state.phase).toBe('running');
    await waitFor(() => expect(reached).toBe(true));
    unmount();
    await waitFor(() => expect(aborted).toBe(true));
    expect(onSettled).not.toHaveBeenCalled();
  });
});
