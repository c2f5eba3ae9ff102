import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { DEMO_KEY } from '../../support/demo-keys';
import { requestLogFixture } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';

describe('error reference', () => {
  it('lists the whole catalog without a key', async () => {
    renderApp('/errors');
    const table = await screen.findByRole('table', { name: 'Error codes and statuses' });
    // 32 codes (SESSION_EXPIRED twice) and 17 statuses, under one header row.
    expect(within(table).getAllByRole('row')).toHaveLength(50);
  });

  it('lets a narrow column wrap a code after its underscores, never inside a word', async () => {
    renderApp('/errors');
    const table = await screen.findByRole('table', { name: 'Error codes and statuses' });
    const link = within(table).getByRole('link', { name: 'BLOCKED_BY_ANTIBOT' });
    expect(link).not.toHaveClass('break-all');
    expect(link.querySelectorAll('wbr')).toHaveLength(2);
  });

  it('searches by words, keeps the search in the URL, and links each code', async () => {
    const { user, router } = renderApp('/errors');
    await user.type(await screen.findByRole('searchbox', { name: 'Search the errors' }), 'paywall');
    const table = screen.getByRole('table', { name: 'Error codes and statuses' });
    expect(within(table).getByRole('link', { name: 'PAYWALL_DETECTED' })).toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: 'TIMEOUT' })).not.toBeInTheDocument();
    expect(router.state.location.search).toEqual({ q: 'paywall' });
  });

  it('opens a shared search link and says when nothing matches', async () => {
    renderApp('/errors?q=zzzz-nothing');
    expect(await screen.findByText('0 matches')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('tells SESSION_EXPIRED 401 and 410 apart, the linked status first', async () => {
    renderApp('/errors/SESSION_EXPIRED?status=410');
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings[0]).toHaveTextContent(/^410 Gone/);
    expect(headings[1]).toHaveTextContent(/^401 Unauthorized/);
  });

  it('shows a status page and an unknown code page', async () => {
    renderApp('/errors/429');
    expect(await screen.findByRole('heading', { level: 2, name: /429 Too Many Requests/ })).toBeInTheDocument();
  });

  it('shows the codes of a status the seed’s status table has no row for (410)', async () => {
    renderApp('/errors/410?status=410');
    expect(await screen.findByRole('heading', { level: 1, name: '410' })).toBeInTheDocument();
    expect(screen.queryByText(/not in the catalog/)).not.toBeInTheDocument();
    expect(screen.getByText(/The API answers 410 with 2 codes/)).toBeInTheDocument();
    const cards = screen.getAllByRole('heading', { level: 2 });
    expect(cards.map((card) => card.textContent)).toEqual([
      "SESSION_EXPIRED · 410 Gone: Stored session's cookies expired",
      'SESSION_INACTIVE · 410 Gone: Stored session deleted or disabled',
    ]);
    expect(within(cards[1]!).getByRole('link', { name: 'SESSION_INACTIVE' })).toHaveAttribute(
      'href',
      '/errors/SESSION_INACTIVE?status=410',
    );
  });
});

describe('error reference: searches as typed, shared and pasted', () => {
  const codesIn = (table: HTMLElement) =>
    within(table)
      .getAllByRole('link')
      .map((link) => link.textContent);

  it('opens ?q=429 as typed in the address', async () => {
    renderApp('/errors?q=429');
    const table = await screen.findByRole('table', { name: 'Error codes and statuses' });
    expect(codesIn(table)).toEqual(expect.arrayContaining(['RATE_LIMIT_EXCEEDED', '429']));
    expect(screen.getByRole('searchbox', { name: 'Search the errors' })).toHaveValue('429');
  });

  it('opens ?q=410 with the 410 codes', async () => {
    renderApp('/errors?q=410');
    const table = await screen.findByRole('table', { name: 'Error codes and statuses' });
    expect(codesIn(table).sort()).toEqual(['SESSION_EXPIRED', 'SESSION_INACTIVE']);
    expect(codesIn(table)).not.toContain('TIMEOUT');
  });

  it('keeps a typed number search through a code and back with "All errors"', async () => {
    const { user, router } = renderApp('/errors');
    await user.type(await screen.findByRole('searchbox', { name: 'Search the errors' }), '410');
    await user.click(screen.getByRole('link', { name: 'SESSION_EXPIRED' }));
    await user.click(await screen.findByRole('link', { name: /All errors/ }));
    expect(await screen.findByRole('searchbox', { name: 'Search the errors' })).toHaveValue('410');
    expect(router.state.location.search).toEqual({ q: '410' });
  });

  it('finds the refunded codes by "refund", and only those', async () => {
    renderApp('/errors?q=refund');
    const table = await screen.findByRole('table', { name: 'Error codes and statuses' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(within(row).getAllByRole('cell').at(-1)).toHaveTextContent(/^Refunded$/);
    expect(codesIn(table)).toEqual(expect.arrayContaining(['BLOCKED_BY_ANTIBOT', 'TIMEOUT']));
  });

  it('reads a pasted error body for its code', async () => {
    const body = JSON.stringify({
      error: 'PAYWALL_DETECTED',
      message: 'The page is behind a paywall',
      request_id: 'req_11111111-2222-4333-8444-555555555555',
    });
    const { user } = renderApp('/errors');
    const search = await screen.findByRole('searchbox', { name: 'Search the errors' });
    await user.click(search);
    await user.paste(body);
    const pasted = await screen.findByRole('region', { name: 'You pasted an error body' });
    expect(pasted).toHaveTextContent('PAYWALL_DETECTED');
    expect(pasted).toHaveTextContent('req_11111111-2222-4333-8444-555555555555');
    expect(pasted).toHaveTextContent(/connect the key that made it/);
    const table = screen.getByRole('table', { name: 'Error codes and statuses' });
    expect(codesIn(table)).toEqual(['PAYWALL_DETECTED']);
  });

  it('reads pasted curl -i output: the status line picks the meaning of a code with two', async () => {
    const response = [
      'HTTP/1.1 410 Gone',
      'x-request-id: req_11111111-2222-4333-8444-555555555555',
      'content-type: application/json',
      '',
      '{"error":"SESSION_EXPIRED","message":"The stored session has expired"}',
    ].join('\n');
    renderApp(`/errors?q=${encodeURIComponent(JSON.stringify(response))}`);
    const pasted = await screen.findByRole('region', { name: 'You pasted a whole response' });
    expect(pasted).toHaveTextContent('HTTP status410');
    const table = screen.getByRole('table', { name: 'Error codes and statuses' });
    const [, first] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('410 Gone');
  });

  it('reads pasted curl -i output after a 100 Continue by the answer’s own status line', async () => {
    const response = ['HTTP/1.1 100 Continue', '', 'HTTP/1.1 504 Gateway Timeout', '', '{"error":"TIMEOUT"}'].join(
      '\n',
    );
    renderApp(`/errors?q=${encodeURIComponent(JSON.stringify(response))}`);
    const pasted = await screen.findByRole('region', { name: 'You pasted a whole response' });
    expect(pasted).toHaveTextContent('HTTP status504');
    expect(codesIn(screen.getByRole('table', { name: 'Error codes and statuses' }))).toEqual(['TIMEOUT']);
  });

  it('reads a body that names no code, as triage does: the API’s words, and no entry to link', async () => {
    renderApp(`/errors?q=${encodeURIComponent('{"detail":"Not authenticated"}')}`);
    const pasted = await screen.findByRole('region', { name: 'You pasted an error body' });
    expect(pasted).toHaveTextContent('The API said“Not authenticated”');
    expect(pasted).not.toHaveTextContent('Error code');
    expect(screen.getByText('0 matches')).toBeInTheDocument();
  });

  it('reads a bare UUID, as the API’s request ids may be, as a request id', async () => {
    renderApp('/errors?q=0b7f3c2e-5a41-4d6e-9c3b-7a2f1e8d9c10');
    const pasted = await screen.findByRole('region', { name: 'You pasted a request id' });
    expect(pasted).toHaveTextContent('0b7f3c2e-5a41-4d6e-9c3b-7a2f1e8d9c10');
    expect(pasted).toHaveTextContent(/connect the key that made it/);
  });

  it('looks a pasted request id up in the connected key’s request log, and opens it in triage', async () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
    server.use(
      api.get('/requests/:id', ({ params }) =>
        HttpResponse.json(
          requestLogFixture([
            {
              request_id: String(params.id),
              method: 'POST',
              path: '/api/v1/scrape',
              status: 504,
              code: 'TIMEOUT',
              url: 'https://slow.example.com/',
              credits_charged: 5,
              credits_refunded: 5,
            },
          ]).requests[0]!,
        ),
      ),
    );
    renderApp('/errors?q=req_aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    const pasted = await screen.findByRole('region', { name: 'You pasted a request id' });
    const found = await within(pasted).findByTestId('pasted-request');
    expect(found).toHaveTextContent('https://slow.example.com/');
    expect(found).toHaveTextContent('5 credits charged, 5 credits refunded');
    expect(within(found).getByRole('link', { name: 'TIMEOUT' })).toHaveAttribute('href', '/errors/TIMEOUT?status=504');
    expect(within(pasted).getByRole('link', { name: 'Open this request in triage' })).toHaveAttribute(
      'href',
      '/triage/requests/req_aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    );
  });
});
