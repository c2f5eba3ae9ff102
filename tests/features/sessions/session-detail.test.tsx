import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { expectBusyAndPressAgain, heldCalls } from '../../support/busy-button';
import { DEMO_KEY } from '../../support/demo-keys';
import { findDialog } from '../../support/dialogs';
import { rateLimitHeaders, requestLogFixture } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import { fakeSessionsApi } from '../../support/msw/sessions-api';
import { SESSION_ID, sessionFixture, validationFixture } from '../../support/msw/session-fixtures';
import { renderApp } from '../../support/render-app';

beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

async function openDetail(path = `/sessions?session=${SESSION_ID}`) {
  const view = renderApp(path);
  // The page is a lazy chunk: the first test of a file waits for it to load.
  const heading = await screen.findByRole('heading', { level: 3, name: 'Demo members' }, { timeout: 10_000 });
  const details = screen.getByRole('region', { name: 'Session details' });
  return { ...view, heading, details };
}

describe('one session', () => {
  it('opens from the list with the keyboard on its details', async () => {
    fakeSessionsApi([sessionFixture({ notes: 'The demo web’s members area' })]);
    const { user, router } = renderApp('/sessions');
    await user.click(await screen.findByRole('link', { name: 'Demo members' }, { timeout: 10_000 }));
    expect(router.state.location.search).toEqual({ session: SESSION_ID });
    expect(await screen.findByRole('heading', { level: 3, name: 'Demo members' })).toHaveFocus();
    const details = screen.getByRole('region', { name: 'Session details' });
    expect(details).toHaveTextContent('The demo web’s members area');
    expect(details).toHaveTextContent('http://127.0.0.1:8788/members');
    expect(screen.getByRole('row', { name: /Demo members/ })).toHaveAttribute('aria-current', 'true');
  });

  it('validates, and shows the verdict with what the check saw', async () => {
    fakeSessionsApi([sessionFixture()]);
    const { user, details } = await openDetail();
    await user.click(within(details).getByRole('button', { name: 'Validate now' }));
    const result = await within(details).findByRole('region', { name: 'Validation result' });
    expect(result).toHaveTextContent('Still logged in');
    expect(result).toHaveTextContent('Verdict: logged_in');
    expect(result).toHaveTextContent('Page: http://127.0.0.1:8788/members (HTTP 200)');
    expect(result).toHaveTextContent('Page title: Members');
    expect(result).toHaveTextContent('Confidence: 95 %');
    // The list and the details take the session the check answered with.
    expect(await within(details).findByText('logged in')).toBeInTheDocument();
  });

  it('keeps the keyboard on Validate now while the check runs, and checks once however often it is pressed', async () => {
    fakeSessionsApi([sessionFixture()]);
    const held = heldCalls();
    server.use(
      api.post('/sessions/:id/validate', async () => {
        await held.wait();
        return HttpResponse.json(validationFixture(), { headers: rateLimitHeaders(99) });
      }),
    );
    const { user, details } = await openDetail();
    within(details).getByRole('button', { name: 'Validate now' }).focus();
    await user.keyboard('{Enter}');
    await expectBusyAndPressAgain(user, await within(details).findByRole('button', { name: 'Validating…' }));
    expect(held.count).toBe(1);
    held.release();
    await within(details).findByRole('region', { name: 'Validation result' });
    expect(within(details).getByRole('button', { name: 'Validate now' })).toHaveFocus();
    expect(held.count).toBe(1);
  });

  it('says when the session is no longer logged in, and how close it is to being marked expired', async () => {
    fakeSessionsApi([sessionFixture()], {
      validation: {
        is_valid: false,
        valid: false,
        consecutive_failures: 1,
        reason: 'The page showed a login form.',
        details: { url: 'http://127.0.0.1:8788/members', verdict: 'login_wall', title: 'Sign in', tier: '1' },
      },
    });
    const { user, details } = await openDetail();
    await user.click(within(details).getByRole('button', { name: 'Validate now' }));
    const result = await within(details).findByRole('region', { name: 'Validation result' });
    expect(result).toHaveTextContent('Not logged in');
    expect(result).toHaveTextContent('The page showed a login form.');
    expect(result).toHaveTextContent('Failed checks in a row: 1 of 3 (then it is marked expired)');
  });

  it('refreshes from a link to ?refresh=<id>, with a pasted Cookie: header', async () => {
    const sessionsApi = fakeSessionsApi([sessionFixture({ status: 'expired' })]);
    const { user, router } = renderApp(`/sessions?refresh=${SESSION_ID}`);
    const dialog = await findDialog('Refresh “Demo members”');
    const cookies = within(dialog).getByLabelText('Cookies');
    await user.click(cookies);
    await user.paste('Cookie: demo_session=fresh; theme=dark');
    expect(within(dialog).getByTestId('cookie-summary')).toHaveTextContent(
      'Read as a Cookie: request header: 2 cookies to save.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Refresh session' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sessionsApi.calls.find((call) => call.path.endsWith('/refresh'))?.body).toEqual({
      cookies: { demo_session: 'fresh', theme: 'dark' },
    });
    expect(router.state.location.search).toEqual({ session: SESSION_ID });
    const details = await screen.findByRole('region', { name: 'Session details' });
    expect(await within(details).findByText('Active')).toBeInTheDocument();
  });

  it('refreshes without a paste, which only resets the failed checks', async () => {
    const sessionsApi = fakeSessionsApi([sessionFixture({ consecutive_failures: 2 })]);
    const { user } = await openDetail();
    await user.click(screen.getByRole('link', { name: 'Refresh cookies' }));
    const dialog = await findDialog('Refresh “Demo members”');
    expect(dialog).toHaveTextContent('No cookies pasted: the stored ones are kept');
    await user.click(within(dialog).getByRole('button', { name: 'Refresh session' }));
    await waitFor(() => expect(sessionsApi.calls.find((call) => call.path.endsWith('/refresh'))?.body).toEqual({}));
  });

  it('says what is wrong with a paste when Refresh is pressed, not as the field is left', async () => {
    const sessionsApi = fakeSessionsApi([sessionFixture({ status: 'expired' })]);
    const { user } = renderApp(`/sessions?refresh=${SESSION_ID}`);
    const dialog = await findDialog('Refresh “Demo members”');
    const cookies = within(dialog).getByLabelText('Cookies');
    await user.click(cookies);
    await user.paste('sid=abc; theme');
    await user.click(within(dialog).getByLabelText('Expires (optional)'));
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(cookies).not.toHaveAttribute('aria-invalid');

    await user.click(within(dialog).getByRole('button', { name: 'Refresh session' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/“theme” is not name=value/);
    expect(cookies).toHaveFocus();
    expect(sessionsApi.calls.some((call) => call.path.endsWith('/refresh'))).toBe(false);
    // Once shown, the error goes as soon as the paste is mended.
    await user.type(cookies, '=dark');
    await waitFor(() => expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument());
  });

  it('cannot refresh a deleted session, and offers a new one for its domain', async () => {
    fakeSessionsApi([sessionFixture({ status: 'invalid' })]);
    renderApp(`/sessions?refresh=${SESSION_ID}`);
    const dialog = await findDialog('Refresh “Demo members”');
    // Checked on the page the deleted one was: a host alone does not say its port.
    expect(within(dialog).getByRole('link', { name: 'Create a new session for 127.0.0.1' })).toHaveAttribute(
      'href',
      `/sessions?domain=127.0.0.1&create=true&check=${encodeURIComponent('http://127.0.0.1:8788/members')}`,
    );
  });

  it('edits name, expiry and notes', async () => {
    const sessionsApi = fakeSessionsApi([sessionFixture({ expires_at: '2030-01-01T12:00:00.000Z' })]);
    const { user, details } = await openDetail();
    await user.click(within(details).getByRole('button', { name: 'Edit' }));
    const dialog = await findDialog('Edit “Demo members”');
    const name = within(dialog).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Members area');
    await user.clear(within(dialog).getByLabelText('Expires'));
    await user.type(within(dialog).getByLabelText('Notes'), 'Signed in as demo');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sessionsApi.calls.find((call) => call.method === 'PATCH')?.body).toEqual({
      name: 'Members area',
      expires_at: null,
      notes: 'Signed in as demo',
    });
    expect(await screen.findByRole('heading', { level: 3, name: 'Members area' })).toBeInTheDocument();
  });

  it('says an emptied name is missing when Save is pressed, not as the field is left', async () => {
    const sessionsApi = fakeSessionsApi([sessionFixture()]);
    const { user, details } = await openDetail();
    await user.click(within(details).getByRole('button', { name: 'Edit' }));
    const dialog = await findDialog('Edit “Demo members”');
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.click(within(dialog).getByLabelText('Notes'));
    expect(within(dialog).queryByText('Give the session a name')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByText('Give the session a name')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Name')).toHaveFocus();
    expect(sessionsApi.calls.some((call) => call.method === 'PATCH')).toBe(false);
  });

  it('deletes only once confirmed, then says what that breaks', async () => {
    const sessionsApi = fakeSessionsApi([sessionFixture()]);
    const { user, details, router } = await openDetail();
    const remove = within(details).getByRole('button', { name: 'Delete' });
    await user.click(remove);
    let confirm = await findDialog('Delete “Demo members”?', 'alertdialog');
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    // Radix gives the focus back to what opened the dialog once it has gone.
    await waitFor(() => expect(remove).toHaveFocus());
    expect(sessionsApi.calls.filter((call) => call.method === 'DELETE')).toEqual([]);

    await user.click(remove);
    confirm = await findDialog('Delete “Demo members”?', 'alertdialog');
    expect(confirm).toHaveTextContent('SESSION_INACTIVE (410)');
    await user.click(within(confirm).getByRole('button', { name: 'Delete session' }));
    expect(await screen.findByText(/Session “Demo members” deleted/)).toBeInTheDocument();
    expect(sessionsApi.calls.filter((call) => call.method === 'DELETE')).toHaveLength(1);
    expect(router.state.location.search).toEqual({});
    expect(screen.getByRole('heading', { level: 1, name: 'Sessions' })).toHaveFocus();
  });

  it('lists the requests that used it, from the request log', async () => {
    fakeSessionsApi([sessionFixture()]);
    const asked: string[] = [];
    server.use(
      api.get('/requests', ({ request }) => {
        asked.push(new URL(request.url).search);
        return HttpResponse.json(
          requestLogFixture([
            { method: 'POST', path: '/api/v1/scrape', url: 'http://127.0.0.1:8788/members', session_id: SESSION_ID },
            {
              method: 'POST',
              path: '/api/v1/scrape',
              status: 410,
              code: 'SESSION_EXPIRED',
              url: 'http://127.0.0.1:8788/members',
              session_id: SESSION_ID,
            },
          ]),
          { headers: rateLimitHeaders(70) },
        );
      }),
    );
    await openDetail();
    const table = await screen.findByRole('table', { name: 'The latest requests that used this session' });
    expect(asked).toEqual([`?session=${SESSION_ID}&limit=20`]);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table).toHaveTextContent('POST /api/v1/scrape');
    expect(within(table).getByRole('link', { name: 'SESSION_EXPIRED' })).toHaveAttribute(
      'href',
      '/errors/SESSION_EXPIRED?status=410',
    );
  });

  it('shows the guidance for an unknown session', async () => {
    fakeSessionsApi([]);
    renderApp('/sessions?session=5e55104e-0000-4000-8000-00000000dead');
    const details = await screen.findByRole('region', { name: 'Session details' }, { timeout: 10_000 });
    expect(await within(details).findByTestId('guidance-card')).toHaveTextContent('SESSION_NOT_FOUND · HTTP 404');
  });
});
