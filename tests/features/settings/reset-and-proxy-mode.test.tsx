import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { sandboxResetResponseSchema } from '../../../contract/sandbox';
import { envelope } from '../../support/msw/fixtures';
import { api, API, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';

function countResets() {
  const calls = { count: 0 };
  server.use(
    http.post(`${API}/sandbox/reset`, () => {
      calls.count += 1;
      return HttpResponse.json(sandboxResetResponseSchema.parse({ reset: true, demo_accounts: 8 }));
    }),
  );
  return calls;
}

describe('resetting the sandbox from settings', () => {
  it('asks first, then resets and says so', async () => {
    const calls = countResets();
    const { user } = renderApp('/settings');
    await user.click(await screen.findByRole('button', { name: 'Reset the sandbox…' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Reset the sandbox?' });
    expect(calls.count).toBe(0);

    await user.click(within(dialog).getByRole('button', { name: 'Reset the sandbox' }));
    expect(await screen.findByText(/The sandbox was reset: 8 demo accounts/)).toBeInTheDocument();
    expect(calls.count).toBe(1);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
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
