import { act, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestLogEntry } from '../../../../contract/request-log';
import { useCredentialsStore } from '../../../../src/api/credentials-store';
import { DEMO_KEY } from '../../../support/demo-keys';
import { rateLimitHeaders, requestLogFixture } from '../../../support/msw/fixtures';
import { api, server } from '../../../support/msw/server';
import { renderApp } from '../../../support/render-app';
import { withLayout } from './layout';

/** The tail reads every 5 s: a little more than that lets one read happen. */
const ONE_READ_MS = 5_100;

const OLD: Partial<RequestLogEntry> = {
  request_id: 'req_old',
  method: 'POST',
  path: '/api/v1/scrape',
  url: 'https://example.com/old',
  at: '2026-11-25T10:00:00.000Z',
  origin: 'user',
};
const NEW: Partial<RequestLogEntry> = {
  ...OLD,
  request_id: 'req_new',
  url: 'https://example.com/new',
  at: '2026-11-25T10:05:00.000Z',
};

let reads = 0;

/** The log has one request at first; from the second read on, a newer one too. */
function answer(remaining: number) {
  server.use(
    api.get('/requests', () => {
      reads++;
      const rows = reads === 1 ? [OLD] : [NEW, OLD];
      return HttpResponse.json(requestLogFixture(rows), { headers: rateLimitHeaders(remaining) });
    }),
  );
}

async function openLog() {
  // The clock is the test's from the start, so the tail's timer is one the test can move.
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const view = renderApp('/triage/log');
  const table = await screen.findByRole('table', { name: /Request log/ }, { timeout: 5_000 });
  return { ...view, table };
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

withLayout();
beforeEach(() => {
  useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
  reads = 0;
});
afterEach(() => vi.useRealTimers());

describe('the live tail', () => {
  it('is on by default and puts new requests at the top', async () => {
    answer(90);
    const { table } = await openLog();
    expect(screen.getByText(/^Live: new requests appear at the top/)).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(2);

    await advance(ONE_READ_MS);
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('https://example.com/new');
    expect(rows[2]).toHaveTextContent('https://example.com/old');
    expect(screen.getByText(/^Live: new requests appear at the top/)).toHaveTextContent(
      /1 new request since the log opened\.$/,
    );
  });

  it('stops reading while paused, and reads again once resumed', async () => {
    answer(90);
    const { user } = await openLog();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByText('Live tail paused.')).toBeInTheDocument();
    const before = reads;

    await advance(ONE_READ_MS * 3);
    expect(reads).toBe(before);

    await user.click(screen.getByRole('button', { name: 'Resume live tail' }));
    await advance(ONE_READ_MS);
    await waitFor(() => expect(reads).toBeGreaterThan(before));
  });

  it('pauses by itself while the key’s rate-limit budget is low', async () => {
    // 5 of 100 left this minute: below the share the dashboard keeps for the user's own calls.
    answer(5);
    await openLog();
    expect(await screen.findByText(/Live tail paused by itself: under 20 %/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resume live tail' })).toBeDisabled();
    const before = reads;

    await advance(ONE_READ_MS * 3);
    expect(reads).toBe(before);
  });
});
