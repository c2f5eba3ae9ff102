import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestLogEntry } from '../../../../contract/request-log';
import { useCredentialsStore } from '../../../../src/api/credentials-store';
import { DEMO_KEY } from '../../../support/demo-keys';
import { rateLimitHeaders, requestLogFixture } from '../../../support/msw/fixtures';
import { api, server } from '../../../support/msw/server';
import { renderApp } from '../../../support/render-app';
import { withLayout } from './layout';

const SCRAPE = { method: 'POST', path: '/api/v1/scrape', origin: 'user' } as const;
const ROWS: Partial<RequestLogEntry>[] = [
  {
    ...SCRAPE,
    status: 403,
    code: 'BLOCKED_BY_ANTIBOT',
    url: 'https://shop.example.com/item?id=7',
    domain: 'shop.example.com',
    credits_charged: 5,
    credits_refunded: 5,
    at: '2026-11-25T10:02:00.000Z',
  },
  // A refundable failure that was not refunded: the verdict must say the two disagree.
  {
    ...SCRAPE,
    status: 504,
    code: 'TIMEOUT',
    url: 'https://slow.example.com/',
    domain: 'slow.example.com',
    credits_charged: 1,
    credits_refunded: 0,
    at: '2026-11-25T10:01:00.000Z',
  },
  { ...SCRAPE, status: 200, url: 'https://example.com/', domain: 'example.com', credits_charged: 1 },
];

/** Every GET /requests the page makes, as its query. */
let asked: URLSearchParams[] = [];

function answer(rows: Partial<RequestLogEntry>[], next: string | null = null, remaining = 90) {
  server.use(
    api.get('/requests', ({ request }) => {
      asked.push(new URL(request.url).searchParams);
      return HttpResponse.json(
        { ...requestLogFixture(rows), next_cursor: next },
        { headers: rateLimitHeaders(remaining) },
      );
    }),
  );
}

async function openLog(path = '/triage/log') {
  const view = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Request log' }, { timeout: 5_000 });
  const table = await screen.findByRole('table', { name: /Request log, \d+ requests? loaded/ });
  return { ...view, table };
}

withLayout();
beforeEach(() => {
  useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
  asked = [];
  answer(ROWS);
});
afterEach(() => vi.useRealTimers());

/** Pages of the log by cursor ("first" without one), each with the cursor of the next. */
type LogPages = Record<string, { rows: Partial<RequestLogEntry>[]; next: string | null }>;

function servePages(pages: LogPages) {
  server.use(
    api.get('/requests', ({ request }) => {
      const query = new URL(request.url).searchParams;
      asked.push(query);
      const page = pages[query.get('cursor') ?? 'first']!;
      return HttpResponse.json({ ...requestLogFixture(page.rows), next_cursor: page.next });
    }),
  );
}

describe('the request log', () => {
  it('shows the user’s own calls by default, with a toggle for the dashboard’s', async () => {
    const { user, router } = await openLog();
    expect(asked[0]?.get('origin')).toBe('user');
    expect(screen.getByRole('button', { name: 'Your calls' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: 'The dashboard’s own calls' }));
    await waitFor(() => expect(asked.at(-1)?.get('origin')).toBe('dashboard'));
    expect(router.state.location.search).toEqual({ origin: 'dashboard' });

    await user.click(screen.getByRole('button', { name: 'Both' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ origin: 'all' }));
    await waitFor(() => expect(asked.at(-1)?.has('origin')).toBe(false));
  });

  it('puts the typed filters in the URL and sends them to the API', async () => {
    const { user, router } = await openLog();
    await user.type(screen.getByLabelText('Error code'), 'timeout');
    await user.type(screen.getByLabelText('HTTP status'), '504');
    await user.type(screen.getByLabelText('Target domain'), 'Slow.example.com');
    await user.type(screen.getByLabelText('From (included)'), '2026-11-25');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() =>
      expect(router.state.location.search).toEqual({
        code: 'TIMEOUT',
        status: 504,
        domain: 'slow.example.com',
        since: '2026-11-25',
      }),
    );
    await waitFor(() => expect(asked.at(-1)?.get('code')).toBe('TIMEOUT'));
    const query = asked.at(-1)!;
    expect(query.get('status')).toBe('504');
    expect(query.get('since')).toBe('2026-11-25T00:00:00Z');
    expect(query.get('origin')).toBe('user');
  });

  it('keeps text typed but not applied when the method or whose calls change, and the focus on Apply', async () => {
    const { user, router } = await openLog();
    await user.type(screen.getByLabelText('Error code'), 'timeout');
    await user.selectOptions(screen.getByLabelText('Method'), 'POST');
    await waitFor(() => expect(router.state.location.search).toEqual({ method: 'POST' }));
    expect(screen.getByLabelText('Error code')).toHaveValue('timeout');
    await user.click(screen.getByRole('button', { name: 'Both' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ method: 'POST', origin: 'all' }));
    expect(screen.getByLabelText('Error code')).toHaveValue('timeout');

    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ code: 'TIMEOUT' }));
    expect(screen.getByLabelText('Error code')).toHaveValue('TIMEOUT');
    expect(screen.getByRole('button', { name: 'Apply filters' })).toHaveFocus();
  });

  it('reads a shared view from the URL, and refuses a bad value at its field', async () => {
    const { user } = await openLog('/triage/log?code=PAYWALL_DETECTED&domain=shop.example.com&q=item&method=POST');
    const query = asked[0]!;
    expect(Object.fromEntries(query)).toMatchObject({
      code: 'PAYWALL_DETECTED',
      domain: 'shop.example.com',
      q: 'item',
      method: 'POST',
      origin: 'user',
    });
    expect(screen.getByLabelText('Error code')).toHaveValue('PAYWALL_DETECTED');
    expect(screen.getByLabelText('Method')).toHaveValue('POST');

    await user.clear(screen.getByLabelText('HTTP status'));
    await user.type(screen.getByLabelText('HTTP status'), '99');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('An HTTP status is a number from 100 to 599')).toBeInTheDocument();
    expect(asked.some((query) => query.get('status') === '99')).toBe(false);
  });

  it.each([
    ['HTTP status', 'letters', 'abc', 'An HTTP status is a number from 100 to 599'],
    ['HTTP status', 'over 599', '999', 'An HTTP status is a number from 100 to 599'],
    ['HTTP status', '40 digits', '4'.repeat(40), 'An HTTP status is a number from 100 to 599'],
    ['Request id or URL text', '5,000 characters', 'x'.repeat(5_000), 'Search text is at most 2,048 characters'],
    ['Error code', 'a hyphen', 'time-out', 'An error code is upper case, like TIMEOUT'],
    ['Target domain', 'a whole URL', 'https://example.com/', 'A host name alone, like example.com'],
    ['From (included)', 'a word', 'yesterday', 'A day (2026-11-25) or an instant with its zone (2026-11-25T10:00:00Z)'],
  ])('says in plain words what to type in %s (%s), and keeps what was typed', async (label, _, typed, says) => {
    const { user, router } = await openLog();
    const input = screen.getByLabelText(label);
    // Pasted: typing 5,000 keys one by one would only slow the test.
    await user.click(input);
    await user.paste(typed);
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(says);
    expect(alert).not.toHaveTextContent(/expected|Invalid input|Too (big|small)|<=|>=/);
    expect(input).toHaveAccessibleDescription(says);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveValue(typed);
    expect(router.state.location.search).toEqual({});
  });

  it('shows each row’s outcome, its code’s guidance link, its request page and the refund verdict', async () => {
    const { table } = await openLog();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    const blocked = rows[1]!;
    expect(within(blocked).getByRole('link', { name: 'BLOCKED_BY_ANTIBOT' })).toHaveAttribute(
      'href',
      '/errors/BLOCKED_BY_ANTIBOT?status=403',
    );
    expect(within(blocked).getByRole('link', { name: /^Request req_/ })).toHaveAttribute(
      'href',
      '/triage/requests/req_00000000-0000-4000-8000-000000000000',
    );
    expect(blocked).toHaveTextContent('Refunded, as the policy says');
    // TIMEOUT is refunded by policy (the seed); this one was not.
    expect(rows[2]).toHaveTextContent('Not refunded, but the policy says it should be');
    expect(rows[3]).toHaveTextContent('No failure');
  });

  it('reads older pages with the cursor, and reads on past an empty stretch only when asked', async () => {
    const pages: LogPages = {
      first: { rows: ROWS.slice(0, 1), next: 'cursor-1' },
      'cursor-1': { rows: [], next: 'cursor-2' },
      'cursor-2': { rows: [{ ...ROWS[2], request_id: 'req_older' }], next: null },
    };
    servePages(pages);
    const { user, table } = await openLog();
    // The first page is short, so the next is read at once; it is empty, so reading on waits for the user.
    const more = await screen.findByRole('button', { name: 'Load older requests' });
    expect(screen.getByText(/had no match/)).toBeInTheDocument();
    expect(asked.filter((query) => query.get('cursor') === 'cursor-1')).toHaveLength(1);
    await user.click(more);
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('https://example.com/');
    expect(screen.getByText('That is every request these filters match.')).toBeInTheDocument();
  });

  it('keeps the keyboard’s focus on "Load older requests", and on what replaces it at the end', async () => {
    const pages: LogPages = {
      first: { rows: ROWS.slice(0, 1), next: 'cursor-1' },
      'cursor-1': { rows: [], next: 'cursor-2' },
      'cursor-2': { rows: [], next: 'cursor-3' },
      'cursor-3': { rows: [{ ...ROWS[2], request_id: 'req_older' }], next: null },
    };
    servePages(pages);
    const { user } = await openLog();
    await screen.findByText(/had no match/);
    screen.getByRole('button', { name: 'Load older requests' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(asked.some((query) => query.get('cursor') === 'cursor-2')).toBe(true));
    await waitFor(() => expect(screen.queryByText('Reading older requests…')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Load older requests' })).toHaveFocus();

    await user.keyboard('{Enter}');
    const end = await screen.findByText('That is every request these filters match.');
    expect(end).toHaveFocus();
  });
});
