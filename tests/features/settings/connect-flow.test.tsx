import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { startFreshOnCredentialsChange } from '../../../src/app/fresh-start';
import { answerGate, expectBusyAndPressAgain } from '../../support/busy-button';
import { envelope, rateLimitHeaders } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';
import { DEMO_KEY } from '../../support/demo-keys';

const GOOD_KEY = DEMO_KEY.growth;

describe('first run: connecting a key', () => {
  it('asks for a key, refuses a malformed one at the field without calling the API', async () => {
    // Calls that carry a key: the sandbox's own description (the demo accounts) needs none.
    let calls = 0;
    server.events.on('request:start', ({ request }) => void (request.headers.has('x-api-key') && calls++));
    const { user } = renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Connect to the API' })).toBeInTheDocument();
    const before = calls;

    const field = screen.getByLabelText('API key');
    await user.type(field, 'sk_live_short');
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByText(/followed by 32 letters or digits/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(field).toHaveValue('sk_live_short');
    expect(calls).toBe(before);
    server.events.removeAllListeners();
  });

  it('explains a key the API refuses at the field and keeps what was typed', async () => {
    server.use(
      api.get('/usage', () =>
        HttpResponse.json(envelope('INVALID_API_KEY', 'The API key is not a valid API key'), {
          status: 401,
          headers: rateLimitHeaders(499, 500),
        }),
      ),
    );
    const { user } = renderApp('/');
    const field = await screen.findByLabelText('API key');
    await user.type(field, 'sk_test_unknown00000000000000000000000000'.slice(0, 40));
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByText(/The API refused this key \(INVALID_API_KEY\)/)).toBeInTheDocument();
    expect(field).toHaveFocus();
    expect(field).toHaveValue('sk_test_unknown00000000000000000000000000'.slice(0, 40));
    expect(useCredentialsStore.getState().apiKey).toBeNull();
  });

  it('keeps a good key for this tab only, shows it masked, and loads the overview', async () => {
    const { user, router } = renderApp('/');
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY);
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument();
    expect(await screen.findByTestId('balance')).toHaveTextContent('100,000 credits');
    expect(screen.getByTestId('plan')).toHaveTextContent('Growth');
    // The badge names the plan, and the masked key keeps the part that tells the demo keys apart.
    const badge = await screen.findByRole('link', { name: 'API key sk_test_grow…0000, Growth plan: settings' });
    expect(badge).toHaveTextContent('Growthsk_test_grow…0000');

    expect(sessionStorage.getItem('scrape-dashboard.api-key')).toBe(GOOD_KEY);
    expect(localStorage.getItem('scrape-dashboard.api-key')).toBeNull();
    expect(router.state.location.href).not.toContain(GOOD_KEY);
    expect(document.body.innerHTML).not.toContain(GOOD_KEY);
  });

  it('keeps the keyboard on Connect while the key is checked, and checks it once however often it is pressed', async () => {
    const gate = answerGate();
    let checks = 0;
    // Each call held until the test lets it go, then answered by the default handler. A check is one made while
    // no key is kept yet; the overview's own calls come after.
    server.use(
      api.get('/usage', async () => {
        if (useCredentialsStore.getState().apiKey === null) checks += 1;
        await gate.opened;
      }),
    );
    const { user } = renderApp('/');
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY);
    screen.getByRole('button', { name: 'Connect' }).focus();
    await user.keyboard('{Enter}');
    await expectBusyAndPressAgain(user, await screen.findByRole('button', { name: 'Checking the key…' }));
    expect(checks).toBe(1);
    gate.open();

    expect(await screen.findByTestId('balance')).toHaveTextContent('100,000 credits');
    expect(useCredentialsStore.getState().apiKey).toBe(GOOD_KEY);
    expect(checks).toBe(1);
  });

  it('remembers the key on this device only when asked', async () => {
    const { user } = renderApp('/settings');
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY);
    await user.click(screen.getByRole('checkbox', { name: 'Remember on this device' }));
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(/remembered on this device/)).toBeInTheDocument();
    expect(localStorage.getItem('scrape-dashboard.api-key')).toBe(GOOD_KEY);

    await user.click(screen.getByRole('button', { name: 'Forget this key' }));
    expect(localStorage.getItem('scrape-dashboard.api-key')).toBeNull();
    expect(screen.getByText('No key yet.')).toBeInTheDocument();
  });

  it('connects with one click on a sandbox demo account, listed with masked keys', async () => {
    const { user } = renderApp('/');
    const list = await screen.findByRole('region', { name: 'Or use a sandbox demo account' });
    expect(within(list).getByText('sk_test_grow…0000')).toBeInTheDocument();
    expect(within(list).getByText('sk_test_revo…0000')).toBeInTheDocument();
    expect(within(list).getByText('Revoked key')).toBeInTheDocument();
    expect(list.innerHTML).not.toContain(GOOD_KEY);
    await user.click(within(list).getByRole('button', { name: 'Use the Growth demo account, key sk_test_grow…0000' }));
    expect(await screen.findByTestId('balance')).toHaveTextContent('100,000 credits');
  });

  it('keeps the focus on a demo account’s button while switching to it from the settings', async () => {
    useCredentialsStore.getState().keyEntered(DEMO_KEY.free, false);
    const { user, queryClient } = renderApp('/settings');
    // What the app's providers start: another key starts from an empty cache.
    onTestFinished(startFreshOnCredentialsChange(queryClient));
    const list = await screen.findByRole('region', { name: 'Or use a sandbox demo account' });
    const name = 'Use the Growth demo account, key sk_test_grow…0000';
    await user.click(within(list).getByRole('button', { name }));
    await waitFor(() => expect(useCredentialsStore.getState().apiKey).toBe(GOOD_KEY));
    expect(await screen.findByText('sk_test_grow…0000', { selector: 'p span' })).toBeInTheDocument();
    // Switching keys empties the query cache; the list stays, and so does the button the user pressed.
    expect(document.activeElement).toBe(screen.getByRole('button', { name }));
  });

  it('hides the demo list against a server that is not the sandbox', async () => {
    server.use(api.get('/sandbox/info', () => HttpResponse.json(envelope('NOT_FOUND', 'No route'), { status: 404 })));
    const { queryClient } = renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Connect to the API' })).toBeInTheDocument();
    // Only once the answer is in can its absence be told from "not yet".
    await waitFor(() => expect(queryClient.getQueryState(['sandbox', 'info'])?.status).toBe('success'));
    expect(screen.queryByRole('region', { name: 'Or use a sandbox demo account' })).not.toBeInTheDocument();
  });
});
