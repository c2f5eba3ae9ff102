import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { webhookQueries } from '../../../src/api/webhooks';
import { expectBusyAndPressAgain, heldCalls } from '../../support/busy-button';
import { DEMO_KEY } from '../../support/demo-keys';
import { findDialog } from '../../support/dialogs';
import { API, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';
import { deliveryFixture, fakeWebhooksApi, webhookFixture } from './fake-webhooks-api';

beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

/** Where the keyboard is once the page has settled: never left on the page itself. */
const focused = () => document.activeElement;

/** Each POST to `path` held until `release`, then answered by the fake; `count` is how many were sent. */
function holdPosts(path: string) {
  const held = heldCalls();
  server.use(http.post(`${API}${path}`, held.wait));
  return held;
}

/** Presses the focused button with Enter, then again while its call is held; returns once the call is let go. */
async function pressRepeatedlyWhileHeld(user: UserEvent, held: ReturnType<typeof holdPosts>, busyName: string) {
  await user.keyboard('{Enter}');
  await expectBusyAndPressAgain(user, await screen.findByRole('button', { name: busyName }));
  expect(held.count).toBe(1);
  held.release();
}

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
    const held = holdPosts('/user-webhooks/:id/test');
    const { user } = renderApp('/webhooks?webhook=wh_0001');
    const send = await screen.findByRole('button', { name: 'Send test event' });
    await user.click(send);
    const running = await screen.findByRole('button', { name: 'Sending…' });
    expect(running).toHaveAttribute('aria-disabled', 'true');
    expect(running).toBeEnabled();
    expect(focused()).toBe(running);
    held.release();
    await screen.findByRole('button', { name: 'Send test event' });

    await user.click(screen.getByRole('button', { name: 'Disable' }));
    const enable = await screen.findByRole('button', { name: 'Enable' });
    expect(enable).toBeEnabled();
    expect(focused()).toBe(enable);
  });

  it('stays on Create webhook while the endpoint is saved, and saves it once however often it is pressed', async () => {
    const api = fakeWebhooksApi();
    const held = holdPosts('/user-webhooks');
    const { user } = renderApp('/webhooks?create=true');
    const dialog = await findDialog('New webhook');
    await user.type(within(dialog).getByLabelText('URL'), 'https://hooks.example.com/new');
    within(dialog).getByRole('button', { name: 'Create webhook' }).focus();
    await pressRepeatedlyWhileHeld(user, held, 'Saving…');

    expect(await findDialog('Signing secret')).toBeInTheDocument();
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('stays on Resend while a recovery runs, and runs it once however often it is pressed', async () => {
    const api = fakeWebhooksApi({ webhooks: [webhookFixture()], recoverCount: 2 });
    const held = holdPosts('/user-webhooks/:id/recover');
    const { user } = renderApp('/webhooks?webhook=wh_0001');
    await user.type(await screen.findByLabelText('Failed since (UTC)'), '2026-12-01T08:30');
    (await screen.findByRole('button', { name: 'Resend 2 failed deliveries' })).focus();
    await pressRepeatedlyWhileHeld(user, held, 'Resending…');

    expect(await screen.findByText('2 failed deliveries sent again: they appear in the log.')).toBeInTheDocument();
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('runs a recovery once when its time is edited while it runs, and reports the one that was sent', async () => {
    const api = fakeWebhooksApi({ webhooks: [webhookFixture()], recoverCount: 2 });
    const held = holdPosts('/user-webhooks/:id/recover');
    const { user, queryClient } = renderApp('/webhooks?webhook=wh_0001');
    const since = await screen.findByLabelText('Failed since (UTC)');
    await user.type(since, '2026-12-01T08:30');
    await user.click(await screen.findByRole('button', { name: 'Resend 2 failed deliveries' }));
    await screen.findByRole('button', { name: 'Resending…' });
    await user.clear(since);
    await user.type(since, '2026-11-01T08:30');
    // Once the new time's count is in, the button could be pressed again if the edit had let go of the run.
    const preview = webhookQueries.recoverPreview('wh_0001', '2026-11-01T08:30:00.000Z');
    await waitFor(() => expect(queryClient.getQueryState(preview.queryKey)?.status).toBe('success'));
    const resend = screen.getByRole('button', { name: /^Resend/ });
    expect(resend).toHaveAccessibleName('Resending…');
    expect(resend).toHaveAttribute('aria-disabled', 'true');
    await user.click(resend);
    await user.type(since, '{Enter}');
    expect(held.count).toBe(1);
    held.release();

    expect(await screen.findByText('2 failed deliveries sent again: they appear in the log.')).toBeInTheDocument();
    const posts = api.calls.filter((call) => call.method === 'POST');
    expect(posts.map((call) => call.body)).toEqual([{ since: '2026-12-01T08:30:00.000Z' }]);
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
