import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import { delay } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { startFirstPage } from '../../src/app/first-page';
import { AppProviders } from '../../src/app/providers';
import { createQueryClient } from '../../src/app/query-client';
import { createAppRouter } from '../../src/app/router';
import { DEMO_KEY } from '../support/demo-keys';
import { api, server } from '../support/msw/server';

let calls: string[] = [];

beforeEach(() => {
  calls = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    calls.push(`${url.pathname.replace('/api/v1', '')}${url.search}`);
  });
});
afterEach(() => server.events.removeAllListeners());

/** The app as main.tsx starts it, at `path`: the first page started, then rendered. */
async function openApp(path: string) {
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [path] }));
  await startFirstPage(router, queryClient);
  const callsBeforeRender = [...calls];
  // Whether the loading line ever showed, from the first frame on.
  let loadingLineShown = false;
  const observer = new MutationObserver(() => {
    if (document.body.textContent?.includes('Loading the page')) loadingLineShown = true;
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  render(<AppProviders queryClient={queryClient} router={router} />);
  return { callsBeforeRender, loadingLineShown: () => loadingLineShown, stop: () => observer.disconnect() };
}

describe('the page the app opens on', () => {
  it('on the overview with a key: its calls leave before the app renders, once each, and its first frame is the page', async () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
    const app = await openApp('/');
    expect(app.callsBeforeRender).toEqual(
      expect.arrayContaining(['/usage/daily?days=1', '/requests?limit=10&origin=user', '/sessions']),
    );

    expect(await screen.findByRole('table', { name: 'Use today and this billing period' })).toBeInTheDocument();
    await screen.findByText(/No requests of yours with this key yet|The ten latest requests you made/);
    app.stop();
    expect(app.loadingLineShown()).toBe(false);
    // The page's own queries took the answers already on their way: not one call twice.
    for (const call of ['/usage/daily?days=1', '/requests?limit=10&origin=user', '/sessions']) {
      expect(calls.filter((made) => made === call)).toHaveLength(1);
    }
  });

  it('on the overview of the dashboard’s own calls: the recent requests wait for the page, which checks the value', async () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
    const app = await openApp('/?calls=dashboard');
    app.stop();
    expect(app.callsBeforeRender).toContain('/sessions');
    expect(app.callsBeforeRender.filter((call) => call.startsWith('/requests'))).toEqual([]);
    await screen.findByText(/The dashboard has made no calls of its own|The ten latest requests the dashboard made/);
    expect(calls).toContain('/requests?limit=10&origin=dashboard');
  });

  it('on the playground with a key: the sandbox’s info is asked before the app renders', async () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
    const app = await openApp('/scrape');
    app.stop();
    expect(app.callsBeforeRender).toContain('/sandbox/info');
    expect(await screen.findByRole('heading', { name: 'Scrape', level: 1 })).toBeInTheDocument();
  });

  it('on the playground, an API that does not answer holds the first frame only a moment', async () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
    server.use(api.get('/sandbox/info', () => delay('infinite')));
    const queryClient = createQueryClient();
    const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: ['/scrape'] }));
    await startFirstPage(router, queryClient);
    // The app may render: the call is still out.
    expect(queryClient.getQueryState(['sandbox', 'info'])?.fetchStatus).toBe('fetching');
    await queryClient.cancelQueries();
  });

  it('without a key: nothing is called, and the key prompt shows', async () => {
    useCredentialsStore.getState().keyForgotten();
    const app = await openApp('/');
    app.stop();
    expect(app.callsBeforeRender).toEqual([]);
    expect(await screen.findByRole('heading', { name: /Connect/ })).toBeInTheDocument();
  });
});
