import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../support/render-app';

describe('error reference', () => {
  it('lists the whole catalog without a key', async () => {
    renderApp('/errors');
    const table = await screen.findByRole('table', { name: 'Error codes and statuses' });
    // 32 codes (SESSION_EXPIRED twice) and 17 statuses, under one header row.
    expect(within(table).getAllByRole('row')).toHaveLength(50);
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
});
