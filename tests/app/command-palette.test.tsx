import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { DEMO_KEY } from '../support/demo-keys';
import { rateLimitHeaders } from '../support/msw/fixtures';
import { api, server } from '../support/msw/server';
import { SESSION_ID, sessionFixture, sessionListFixture } from '../support/msw/session-fixtures';
import { renderApp } from '../support/render-app';

// jsdom has neither; cmdk measures its list and scrolls the selected item into view.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

async function openPalette(user: ReturnType<typeof renderApp>['user']) {
  await user.keyboard('{Control>}k{/Control}');
  return screen.findByRole('dialog', { name: 'Go to…' });
}

describe('the command palette', () => {
  it('opens on Ctrl-K with the focus in its search, and goes to an error code by keyboard', async () => {
    const { user, router } = renderApp('/errors');
    await screen.findByRole('heading', { name: 'Error reference', level: 1 });

    const palette = await openPalette(user);
    const search = within(palette).getByRole('combobox');
    expect(search).toHaveFocus();
    await user.keyboard('antibot');
    // Only what matches stays listed.
    const options = within(palette).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toContainEqual(expect.stringContaining('BLOCKED_BY_ANTIBOT'));
    expect(within(palette).queryByRole('option', { name: /^Settings$/ })).not.toBeInTheDocument();

    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'BLOCKED_BY_ANTIBOT', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/errors/BLOCKED_BY_ANTIBOT');
    expect(screen.queryByRole('dialog', { name: 'Go to…' })).not.toBeInTheDocument();
  });

  it('goes to a page picked with the arrow keys', async () => {
    const { user, router } = renderApp('/errors');
    await screen.findByRole('heading', { name: 'Error reference', level: 1 });
    await openPalette(user);
    await user.keyboard('sett');
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings');
  });

  it('opens a request by the id typed in', async () => {
    const { user, router } = renderApp('/errors');
    await screen.findByRole('heading', { name: 'Error reference', level: 1 });
    const palette = await openPalette(user);
    await user.keyboard('req_0123456789abcdef');
    expect(within(palette).getAllByRole('option')[0]).toHaveTextContent('Open request req_0123456789abcdef');
    await user.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/triage/requests/req_0123456789abcdef');
  });

  it('finds a stored session by its name', async () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
    server.use(
      api.get('/sessions', () =>
        HttpResponse.json(sessionListFixture([sessionFixture({ name: 'Shop login', domain: 'shop.example' })]), {
          headers: rateLimitHeaders(90),
        }),
      ),
    );
    const { user, router } = renderApp('/errors');
    await screen.findByRole('heading', { name: 'Error reference', level: 1 });
    const palette = await openPalette(user);
    await user.keyboard('shop log');
    expect(await within(palette).findByRole('option', { name: /Shop login/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/sessions');
    expect(router.state.location.search).toMatchObject({ session: SESSION_ID });
  });
});

describe('the shortcuts help', () => {
  it('opens on ? and lists the shortcuts', async () => {
    const { user } = renderApp('/errors');
    await screen.findByRole('heading', { name: 'Error reference', level: 1 });
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help).toHaveTextContent(/Ctrl\s*\+\s*K\s*Open the command palette/);
    expect(help).toHaveTextContent(/Ctrl\s*\+\s*Enter\s*Run the scrape/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
  });

  it('leaves ? to a field being typed in', async () => {
    const { user } = renderApp('/errors');
    const field = await screen.findByRole('searchbox');
    await user.click(field);
    await user.keyboard('why?');
    expect(field).toHaveValue('why?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
  });
});
