import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { DEMO_KEY } from '../../support/demo-keys';
import { findDialog } from '../../support/dialogs';
import { API, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';
import { deliveryFixture, fakeWebhooksApi, webhookFixture } from './fake-webhooks-api';

beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

/** Where the keyboard is once the page has settled: never left on the page itself. */
const focused = () => document.activeElement;

describe('the keyboard’s focus on the webhooks page', () => {
  it('goes to the new endpoint’s details once its secret is put away', async () => {
    fakeWebhooksApi();
    const { user } = renderApp('/webhooks');
    await user.click(await screen.findByRole('button', { name: 'New webhook' }));
    const dialog = await findDialog('New webhook');
    await user.type(within(dialog).getByLabelText('URL'), 'https://hooks.example.com/new');
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    const secret = await findDialog('Signing secret');
    await user.click(within(secret).getByRole('button', { name: 'I have stored it' }));

    await waitFor(() => expect(focused()).toBe(screen.getByRole('button', { name: 'Send test event' })));
  });

  it('stays on an action’s button while its call runs, announced as unavailable rather than dropped', async () => {
    fakeWebhooksApi({ webhooks: [webhookFixture()] });
    // Held a moment, so the call is seen running.
    server.use(http.post(`${API}/user-webhooks/:id/test`, async () => void (await delay(50))));
    const { user } = renderApp('/webhooks?webhook=wh_0001');
    const send = await screen.findByRole('button', { name: 'Send test event' });
    await user.click(send);
    const running = await screen.findByRole('button', { name: 'Sending…' });
    expect(running).toHaveAttribute('aria-disabled', 'true');
    expect(running).toBeEnabled();
    expect(focused()).toBe(running);

    await user.click(screen.getByRole('button', { name: 'Disable' }));
    const enable = await screen.findByRole('button', { name: 'Enable' });
    expect(enable).toBeEnabled();
    expect(focused()).toBe(enable);
  });

  it('goes to a resent delivery’s status, then to the top of the page when the endpoint is deleted', async () => {
    fakeWebhooksApi({ webhooks: [webhookFixture()], deliveries: [deliveryFixture()] });
    const { user, router } = renderApp('/webhooks?webhook=wh_0001&delivery=dlv_0001');
    await user.click(await screen.findByRole('button', { name: 'Resend this delivery' }));
    await waitFor(() => expect(router.state.location.search).not.toMatchObject({ delivery: 'dlv_0001' }));
    await waitFor(() => expect(focused()).toHaveTextContent(/of 3 attempts/));
    expect(focused()?.tagName).toBe('P');

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const confirm = await findDialog('Delete “Orders”?', 'alertdialog');
    await user.click(within(confirm).getByRole('button', { name: 'Delete webhook' }));
    await waitFor(() => expect(focused()).toBe(screen.getByRole('heading', { name: 'Webhooks', level: 1 })));
  });
});
