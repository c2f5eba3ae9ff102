import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { expectBusyAndPressAgain, heldCalls } from '../../support/busy-button';
import { DEMO_KEY } from '../../support/demo-keys';
import { findDialog } from '../../support/dialogs';
import { envelope, rateLimitHeaders } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import { fakeSessionsApi } from '../../support/msw/sessions-api';
import { renderApp } from '../../support/render-app';

const IN_2_DAYS = Math.floor(Date.now() / 1000) + 2 * 86_400 + 120;
const COOKIES_TXT = [
  '# Netscape HTTP Cookie File',
  `127.0.0.1\tFALSE\t/\tFALSE\t${IN_2_DAYS}\tdemo_session\tvalid`,
  `.example.com\tTRUE\t/\tFALSE\t0\ttracker\tx1`,
].join('\n');

beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

async function openCreate(path = '/sessions?create=true') {
  const view = renderApp(path);
  // The page is a lazy chunk: the first test of a file waits for it to load.
  const dialog = await findDialog('New session');
  return { ...view, dialog, field: (name: string) => within(dialog).getByLabelText(name) };
}

describe('creating a session', () => {
  it('reads a cookies.txt paste, shows it before saving, and saves the cookies of its domain', async () => {
    const sessionsApi = fakeSessionsApi();
    const { user, router, dialog, field } = await openCreate();
    expect(field('Name')).toHaveFocus();
    await user.type(field('Name'), 'Demo members');
    await user.type(field('Domain'), 'http://127.0.0.1:8798/members');
    await user.click(field('Cookies'));
    await user.paste(COOKIES_TXT);

    const preview = within(dialog).getByRole('region', { name: 'Before saving' });
    expect(within(preview).getByTestId('cookie-summary')).toHaveTextContent(
      'Read as a Netscape cookies.txt: 1 cookie to save, 1 left out.',
    );
    expect(within(preview).getByRole('list', { name: 'Cookie names' })).toHaveTextContent('demo_session');
    expect(preview).toHaveTextContent(/Earliest expiry: .* \(in 2 d\), used as the session’s expiry/);
    expect(preview).toHaveTextContent('tracker (.example.com): another domain');
    expect(preview).not.toHaveTextContent('valid');

    await user.click(within(dialog).getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const created = sessionsApi.calls.find((call) => call.method === 'POST');
    expect(created?.body).toEqual({
      name: 'Demo members',
      domain: 'http://127.0.0.1:8798/members',
      cookies: { demo_session: 'valid' },
      expires_at: new Date(IN_2_DAYS * 1000).toISOString(),
      notes: null,
    });
    expect(router.state.location.search).toEqual({ session: sessionsApi.sessions[0]?.id });
    expect(await screen.findByRole('heading', { level: 3, name: 'Demo members' })).toHaveFocus();
  });

  it('offers the domain the pasted cookies name while none is typed', async () => {
    fakeSessionsApi();
    const { user, dialog, field } = await openCreate();
    await user.click(field('Cookies'));
    await user.paste(COOKIES_TXT);
    await user.click(within(dialog).getByRole('button', { name: 'Use 127.0.0.1 as the domain' }));
    expect(field('Domain')).toHaveValue('127.0.0.1');
  });

  it('says at each field what is wrong, sends nothing and keeps what was typed', async () => {
    const sessionsApi = fakeSessionsApi();
    const { user, dialog, field } = await openCreate();
    await user.click(field('Cookies'));
    await user.paste('sid=abc; theme');
    await user.click(within(dialog).getByRole('button', { name: 'Save session' }));

    expect(await within(dialog).findByText('Give the session a name')).toHaveAttribute('role', 'alert');
    expect(within(dialog).getByText('Enter the site the cookies belong to')).toBeInTheDocument();
    expect(field('Cookies')).toHaveAccessibleDescription(/“theme” is not name=value/);
    expect(field('Cookies')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Name')).toHaveFocus();

    // A value the contract refuses (RFC 6265) is named at the field, with the cookie it is about.
    await user.clear(field('Cookies'));
    await user.paste('{"sid": "a b"}');
    await user.type(field('Name'), 'Shop');
    await user.type(field('Domain'), 'shop.example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Save session' }));
    expect(await within(dialog).findByText(/Cookie “sid”: A cookie value cannot hold spaces/)).toBeInTheDocument();

    expect(sessionsApi.calls.filter((call) => call.method === 'POST')).toEqual([]);
    expect(field('Cookies')).toHaveValue('{"sid": "a b"}');
  });

  it('says nothing is missing until Save is pressed, so leaving an empty field does not move the button', async () => {
    fakeSessionsApi();
    const { user, dialog, field } = await openCreate();
    expect(field('Name')).toHaveFocus();
    await user.tab();
    await user.click(field('Cookies'));
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Save session' }));
    expect(await within(dialog).findByText('Give the session a name')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter the site the cookies belong to')).toBeInTheDocument();
    expect(within(dialog).getByText('Paste the cookies of a signed-in browser')).toBeInTheDocument();
    expect(field('Name')).toHaveFocus();
    // Once shown, an error goes as soon as what is typed fixes it.
    await user.type(field('Name'), 'Members');
    expect(within(dialog).queryByText('Give the session a name')).not.toBeInTheDocument();
  });

  it('keeps the keyboard on Save while the session is saved, and saves once however often it is pressed', async () => {
    const sessionsApi = fakeSessionsApi();
    // Each POST held until the test lets it go, then answered by the fake.
    const held = heldCalls();
    server.use(api.post('/sessions', held.wait));
    const { user, dialog, field } = await openCreate();
    await user.type(field('Name'), 'Members');
    await user.type(field('Domain'), '127.0.0.1');
    await user.click(field('Cookies'));
    await user.paste('demo_session=valid');
    within(dialog).getByRole('button', { name: 'Save session' }).focus();
    await user.keyboard('{Enter}');
    await expectBusyAndPressAgain(user, await within(dialog).findByRole('button', { name: 'Saving…' }));
    expect(held.count).toBe(1);
    held.release();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(held.count).toBe(1);
    expect(sessionsApi.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('refuses an expiry already past at its field, and saves once it is later', async () => {
    const sessionsApi = fakeSessionsApi();
    const { user, dialog, field } = await openCreate();
    await user.type(field('Name'), 'Members');
    await user.type(field('Domain'), '127.0.0.1');
    await user.click(field('Cookies'));
    await user.paste('demo_session=valid');
    // A datetime-local input takes a whole value, as the browser's picker gives it.
    fireEvent.change(field('Expires (optional)'), { target: { value: '2020-01-01T00:00' } });
    await user.click(within(dialog).getByRole('button', { name: 'Save session' }));

    expect(await within(dialog).findByText(/This time has passed: the session would be expired at once/)).toBeVisible();
    expect(field('Expires (optional)')).toHaveAttribute('aria-invalid', 'true');
    expect(sessionsApi.calls.filter((call) => call.method === 'POST')).toEqual([]);

    fireEvent.change(field('Expires (optional)'), { target: { value: '2099-01-01T00:00' } });
    await user.click(within(dialog).getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(sessionsApi.calls.filter((call) => call.method === 'POST')).toHaveLength(1));
  });

  it('keeps everything pasted when the API refuses, with the guidance and its fix', async () => {
    server.use(
      api.post('/sessions', () =>
        HttpResponse.json(envelope('SESSION_LIMIT_REACHED', 'An account keeps at most 50 sessions'), {
          status: 429,
          headers: rateLimitHeaders(50),
        }),
      ),
    );
    const { user, dialog, field } = await openCreate('/sessions?create=true&domain=127.0.0.1');
    expect(field('Domain')).toHaveValue('127.0.0.1');
    await user.type(field('Name'), 'One too many');
    await user.click(field('Cookies'));
    await user.paste('Cookie: demo_session=valid');
    await user.click(within(dialog).getByRole('button', { name: 'Save session' }));

    const card = await within(dialog).findByTestId('guidance-card');
    expect(card).toHaveTextContent('SESSION_LIMIT_REACHED · HTTP 429');
    expect(within(card).getByRole('link', { name: 'List expired and inactive sessions to delete' })).toHaveAttribute(
      'href',
      '/sessions?status=cleanup',
    );
    expect(field('Name')).toHaveValue('One too many');
    expect(field('Cookies')).toHaveValue('Cookie: demo_session=valid');
  });

  it('opened from a failed scrape, is checked on the failed page: its port and scheme, which the host lacks', async () => {
    fakeSessionsApi();
    const page = 'http://127.0.0.1:8788/members';
    const { field } = await openCreate(`/sessions?create=true&domain=127.0.0.1&check=${encodeURIComponent(page)}`);
    expect(field('Domain')).toHaveValue(page);
  });

  it('puts the server’s own field issues at their fields too', async () => {
    server.use(
      api.post('/sessions', () =>
        HttpResponse.json(
          envelope('INVALID_REQUEST', 'domain: is not allowed', {
            details: { field: 'domain', issues: [{ field: 'domain', message: 'This host is not allowed' }] },
          }),
          { status: 400, headers: rateLimitHeaders(50) },
        ),
      ),
    );
    const { user, dialog, field } = await openCreate();
    await user.type(field('Name'), 'Intranet');
    await user.type(field('Domain'), 'intranet.example');
    await user.click(field('Cookies'));
    await user.paste('a=1');
    await user.click(within(dialog).getByRole('button', { name: 'Save session' }));
    expect(await within(dialog).findByTestId('guidance-card')).toHaveTextContent('INVALID_REQUEST · HTTP 400');
    expect(field('Domain')).toHaveAccessibleDescription(/This host is not allowed/);
  });

  it('closes on Escape, the paste discarded, and opens again from New session', async () => {
    fakeSessionsApi();
    const { user, router } = await openCreate();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(router.state.location.search).toEqual({});
    await user.click(screen.getByRole('button', { name: 'New session' }));
    expect(await findDialog('New session')).toBeInTheDocument();
  });
});
