import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { DEMO_KEY } from '../../support/demo-keys';
import { findDialog } from '../../support/dialogs';
import { envelope } from '../../support/msw/fixtures';
import { renderApp } from '../../support/render-app';
import { deliveryFixture, fakeWebhooksApi, webhookFixture } from './fake-webhooks-api';

beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

const table = (name: string) => screen.findByRole('table', { name: new RegExp(`^${name}`) });

describe('the webhooks list', () => {
  it('shows each endpoint with its recent success rate and whether it is enabled', async () => {
    fakeWebhooksApi({
      webhooks: [
        webhookFixture(),
        webhookFixture({
          id: 'wh_0002',
          name: null,
          url: 'https://other.example.com/hook',
          is_active: false,
          failure_count: 2,
          stats: { delivered: 0, failed: 0, pending: 0, success_rate: null },
        }),
      ],
    });
    renderApp('/webhooks');
    const rows = within(await table('Webhooks')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Orders');
    expect(rows[1]).toHaveTextContent('75 % (3 of 4)');
    expect(rows[1]).toHaveTextContent('Enabled');
    expect(rows[2]).toHaveTextContent('https://other.example.com/hook');
    expect(rows[2]).toHaveTextContent('Disabled');
    expect(rows[2]).toHaveTextContent('No deliveries yet');
    expect(rows[2]).toHaveTextContent('2 failed deliveries in a row');
  });
});

describe('creating a webhook', () => {
  it('says at each field what is wrong and sends nothing', async () => {
    const api = fakeWebhooksApi();
    const { user } = renderApp('/webhooks?create=true');
    const dialog = await findDialog('New webhook');
    await user.type(within(dialog).getByLabelText('URL'), 'ftp:/nowhere');
    for (const box of within(dialog).getAllByRole('checkbox')) await user.click(box);
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    expect(await within(dialog).findByText('Enter a full http:// or https:// URL')).toHaveAttribute('role', 'alert');
    expect(within(dialog).getByText('Choose at least one event')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('URL')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([]);
  });

  it('checks the fields on Create, not as one is left, so the click that leaves it is not lost', async () => {
    const api = fakeWebhooksApi();
    const { user } = renderApp('/webhooks?create=true');
    const dialog = await findDialog('New webhook');
    const url = within(dialog).getByLabelText('URL');
    await user.type(url, 'ftp:/nowhere');
    await user.type(within(dialog).getByLabelText('Name (optional)'), 'Orders');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(url).not.toHaveAttribute('aria-invalid');

    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    expect(await within(dialog).findByText('Enter a full http:// or https:// URL')).toHaveAttribute('role', 'alert');
    expect(url).toHaveFocus();
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([]);
    // Once shown, the error goes as soon as the URL is mended.
    await user.clear(url);
    await user.type(url, 'https://hooks.example.com/new');
    await waitFor(() => expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument());
  });

  it('sends the endpoint, then shows its secret once with Copy, and never again', async () => {
    const api = fakeWebhooksApi();
    const { user, router } = renderApp('/webhooks');
    await user.click(await screen.findByRole('button', { name: 'New webhook' }));
    const dialog = await findDialog('New webhook');
    await user.type(within(dialog).getByLabelText('URL'), 'https://hooks.example.com/new');
    await user.type(within(dialog).getByLabelText('Name (optional)'), 'New one');
    await user.click(within(dialog).getByRole('checkbox', { name: /job\.failed/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));

    const secret = await findDialog('Signing secret');
    expect(within(secret).getByLabelText('Signing secret')).toHaveTextContent('whsec_shownOnce1234567890abcdefXYZ9');
    expect(within(secret).getByRole('button', { name: 'Copy secret' })).toBeInTheDocument();
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      url: 'https://hooks.example.com/new',
      name: 'New one',
      events: ['job.completed'],
    });
    expect(router.state.location.search).toEqual({ webhook: 'wh_2' });
    await user.click(within(secret).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('whsec_…XYZ9')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('whsec_shownOnce');
  });

  it('shows a URL already registered (409) at the field, keeping what was typed', async () => {
    fakeWebhooksApi({
      createError: envelope('WEBHOOK_ALREADY_EXISTS', 'A webhook for this URL exists already', {
        details: { field: 'url', issues: [{ field: 'url', message: 'A webhook for this URL exists already' }] },
      }),
    });
    const { user } = renderApp('/webhooks?create=true');
    const dialog = await findDialog('New webhook');
    await user.type(within(dialog).getByLabelText('URL'), 'https://hooks.example.com/alterlab');
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    const url = within(dialog).getByLabelText('URL');
    await waitFor(() => expect(url).toHaveAccessibleDescription(/A webhook for this URL exists already/));
    expect(url).toHaveValue('https://hooks.example.com/alterlab');
    expect(within(dialog).getByTestId('guidance-card')).toHaveTextContent('WEBHOOK_ALREADY_EXISTS');

    // A new try the form refuses is not answered by the API's word on the last one.
    await user.clear(url);
    await user.type(url, 'not a url');
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    await waitFor(() => expect(url).not.toHaveAccessibleDescription(/exists already/));
    expect(within(dialog).queryByTestId('guidance-card')).not.toBeInTheDocument();
  });
});

describe('one webhook', () => {
  it('shows the delivery log, each attempt with its status, duration and answer, and resends', async () => {
    const api = fakeWebhooksApi({ webhooks: [webhookFixture()], deliveries: [deliveryFixture()] });
    const { user } = renderApp('/webhooks?webhook=wh_0001');
    const log = await table('Deliveries');
    expect(within(log).getAllByRole('row')[1]).toHaveTextContent(/job\.failed.*Failed.*3.*500/);
    await user.click(within(log).getAllByRole('link')[0]!);

    const attempts = within(await table('Attempts')).getAllByRole('row');
    expect(attempts[1]).toHaveTextContent(/HTTP 500.*37 ms.*database is down/);
    expect(attempts[3]).toHaveTextContent(/timeout \(no answer within 10 s\).*10000 ms/);
    expect(screen.getByRole('region', { name: 'Payload' })).toHaveTextContent('"job_id": "job_42"');

    await user.click(screen.getByRole('button', { name: 'Resend this delivery' }));
    await waitFor(() =>
      expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith('/dlv_0001/resend'))).toBe(true),
    );
    expect(await screen.findByText('HTTP 200')).toBeInTheDocument();
  });

  it('sends a test event and disables the endpoint', async () => {
    const api = fakeWebhooksApi({ webhooks: [webhookFixture()] });
    const { user } = renderApp('/webhooks?webhook=wh_0001');
    await user.click(await screen.findByRole('button', { name: 'Send test event' }));
    expect(await screen.findByText(/Test event queued/)).toBeInTheDocument();
    expect(within(await table('Deliveries')).getByText('(test)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    expect(await screen.findByRole('button', { name: 'Enable' })).toBeInTheDocument();
    expect(api.calls.map((call) => `${call.method} ${call.path}`)).toEqual(
      expect.arrayContaining(['POST /user-webhooks/wh_0001/test', 'POST /user-webhooks/wh_0001/disable']),
    );
  });

  it('shows how many failed deliveries a recovery will resend before it runs', async () => {
    const api = fakeWebhooksApi({ webhooks: [webhookFixture()], recoverCount: 2 });
    const { user } = renderApp('/webhooks?webhook=wh_0001');
    const since = await screen.findByLabelText('Failed since (UTC)');
    await user.type(since, '2026-12-01T08:30');
    expect(await screen.findByText('2 failed deliveries since then would be resent.')).toBeInTheDocument();
    const expected = '2026-12-01T08:30:00.000Z';
    expect(api.calls.find((call) => call.path.endsWith('/recover'))?.search).toBe(
      `?since=${encodeURIComponent(expected)}`,
    );
    expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith('/recover'))).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Resend 2 failed deliveries' }));
    expect(await screen.findByText('2 failed deliveries sent again: they appear in the log.')).toBeInTheDocument();
    expect(api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/recover'))?.body).toEqual({
      since: expected,
    });
  });

  it('reads the recovery’s time in UTC, as the log shows times, whatever the browser’s zone', async () => {
    vi.stubEnv('TZ', 'America/New_York');
    onTestFinished(() => void vi.unstubAllEnvs());
    const api = fakeWebhooksApi({ webhooks: [webhookFixture()], deliveries: [deliveryFixture()], recoverCount: 1 });
    const { user } = renderApp('/webhooks?webhook=wh_0001');
    // The log says the delivery failed at 10:00 UTC; that is the time the user types.
    expect(within(await table('Deliveries')).getByRole('link')).toHaveTextContent('1 Dec 2026, 10:00:00 UTC');
    await user.type(screen.getByLabelText('Failed since (UTC)'), '2026-12-01T10:00');
    expect(await screen.findByText('1 failed delivery since then would be resent.')).toBeInTheDocument();
    expect(api.calls.find((call) => call.path.endsWith('/recover'))?.search).toBe(
      `?since=${encodeURIComponent('2026-12-01T10:00:00.000Z')}`,
    );
  });

  it('deletes only after a confirmation', async () => {
    const api = fakeWebhooksApi({ webhooks: [webhookFixture()] });
    const { user, router } = renderApp('/webhooks?webhook=wh_0001');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const confirm = await findDialog('Delete “Orders”?', 'alertdialog');
    expect(api.calls.some((call) => call.method === 'DELETE')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Delete webhook' }));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
    expect(api.calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([
      '/user-webhooks/wh_0001',
    ]);
  });
});

describe('the verification snippets', () => {
  it('check the signature with the secret in Node and Python, and hold no API key', async () => {
    fakeWebhooksApi();
    const { user } = renderApp('/webhooks');
    const node = await screen.findByRole('region', { name: 'Node signature check' });
    expect(node).toHaveTextContent("createHmac('sha256', secret)");
    expect(node).toHaveTextContent('x-alterlab-signature');
    await user.click(screen.getByRole('tab', { name: 'Python' }));
    const python = await screen.findByRole('region', { name: 'Python signature check' });
    expect(python).toHaveTextContent('hmac.compare_digest');
    expect(python).toHaveTextContent('X-Alterlab-Signature');
    for (const key of Object.values(DEMO_KEY)) expect(document.body).not.toHaveTextContent(key);
  });
});
