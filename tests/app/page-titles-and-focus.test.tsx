import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { DEMO_KEY } from '../support/demo-keys';
import { renderApp } from '../support/render-app';

describe('every page: its own title, and the focus on its heading after navigation', () => {
  it('names each page in the title', async () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
    const { router } = renderApp('/errors');
    await waitFor(() => expect(document.title).toBe('Error reference · Scrape Dashboard'));
    for (const [path, title] of [
      ['/', 'Overview · Scrape Dashboard'],
      ['/settings', 'Settings · Scrape Dashboard'],
      ['/errors/timeout', 'TIMEOUT · Error reference · Scrape Dashboard'],
      ['/nowhere', 'Page not found · Scrape Dashboard'],
    ] as const) {
      await act(() => router.navigate({ href: path }));
      await waitFor(() => expect(document.title).toBe(title));
    }
  });

  it('moves the focus to the new page’s heading, and leaves it in a search box while typing', async () => {
    const { user } = renderApp('/errors');
    const search = await screen.findByRole('searchbox', { name: 'Search the errors' });
    await user.type(search, 'time');
    expect(search).toHaveFocus();

    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Settings' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toHaveFocus());

    await user.click(within(nav).getByRole('link', { name: 'Error reference' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Error reference' })).toHaveFocus());
  });
});
