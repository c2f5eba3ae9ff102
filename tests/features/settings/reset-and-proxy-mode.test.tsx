import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { sandboxResetResponseSchema } from '../../../contract/sandbox';
import { expectBusyAndPressAgain, heldCalls } from '../../support/busy-button';
import { findDialog } from '../../support/dialogs';
import { envelope } from '../../support/msw/fixtures';
import { api, API, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';

/** Answers each reset, at once or, `held`, once the test lets go; `count` is how many were sent. */
function countResets({ held = false } = {}) {
  const calls = heldCalls();
  if (!held) calls.release();
  server.use(
    http.post(`${API}/sandbox/reset`, async () => {
      await calls.wait();
      return HttpResponse.json(sandboxResetResponseSchema.parse({ reset: true, demo_accounts: 8 }));
    }),
  );
  return calls;
}

/** Settings, its reset button, and the confirmation it opens. */
async function openReset() {
  const { user } = renderApp('/settings');
  const opener = await screen.findByRole('button', { name: 'Reset the sandbox…' }, { timeout: 5000 });
  await user.click(opener);
  return { user, opener, dialog: await findDialog('Reset the sandbox?', 'alertdialog') };
}

describe('resetting the sandbox from settings', () => {
  it('asks first, then resets and says so', async () => {
    const calls = countResets();
    const { user, dialog } = await openReset();
    expect(calls.count).toBe(0);

    await user.click(within(dialog).getByRole('button', { name: 'Reset the sandbox' }));
    expect(await screen.findByText(/The sandbox was reset: 8 demo accounts/)).toBeInTheDocument();
    expect(calls.count).toBe(1);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('keeps the keyboard on the confirm button while the reset runs, and resets once however often it is pressed', async () => {
    const calls = countResets({ held: true });
    const { user, dialog } = await openReset();
    within(dialog).getByRole('button', { name: 'Reset the sandbox' }).focus();
    await user.keyboard('{Enter}');
    await expectBusyAndPressAgain(user, await within(dialog).findByRole('button', { name: 'Working…' }));
    expect(calls.count).toBe(1);
    calls.release();

    expect(await screen.findByText(/The sandbox was reset: 8 demo accounts/)).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(calls.count).toBe(1);
  });

  it('waits for a reset left running with Escape when reopened, rather than sending another', async () => {
    const calls = countResets({ held: true });
    const { user, opener, dialog } = await openReset();
    await user.click(within(dialog).getByRole('button', { name: 'Reset the sandbox' }));
    await within(dialog).findByRole('button', { name: 'Working…' });
    // Escape closes the dialog; the reset already sent runs on.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();

    await user.click(opener);
    const again = await findDialog('Reset the sandbox?', 'alertdialog');
    const working = within(again).getByRole('button', { name: 'Working…' });
    expect(working).toHaveAttribute('aria-disabled', 'true');
    await user.click(working);
    expect(calls.count).toBe(1);
    calls.release();

    expect(await screen.findByText(/The sandbox was reset: 8 demo accounts/)).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(calls.count).toBe(1);
  });

  it('does nothing when cancelled', async () => {
    const calls = countResets();
    const { user } = renderApp('/settings');
    await user.click(await screen.findByRole('button', { name: 'Reset the sandbox…' }, { timeout: 5000 }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(calls.count).toBe(0);
  });
});

describe('against the real API (a proxy: the sandbox-only routes answer 404)', () => {
  it('hides the demo accounts and the reset, and names the server for what it is, without an error', async () => {
    server.use(api.get('/sandbox/info', () => HttpResponse.json(envelope('NOT_FOUND', 'No route'), { status: 404 })));
    const { queryClient } = renderApp('/settings');
    await waitFor(() => expect(queryClient.getQueryState(['sandbox', 'info'])?.status).toBe('success'));
    expect(screen.getByTestId('server-kind')).toHaveTextContent(/not the sandbox/);
    expect(screen.queryByRole('button', { name: 'Reset the sandbox…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Or use a sandbox demo account' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
