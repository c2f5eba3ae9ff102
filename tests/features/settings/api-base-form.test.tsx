import { act, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';

// The address is kept in the store beside the key; each test starts from the default one.
afterEach(() => act(() => useCredentialsStore.getState().apiBaseChanged('')));

describe('settings: the API base URL', () => {
  it('says so when the saved address does not answer', async () => {
    server.use(http.get('http://unreachable.invalid/api/v1/sandbox/info', () => HttpResponse.error()));
    const { user } = renderApp('/settings');
    const field = await screen.findByLabelText('API base URL');
    await user.clear(field);
    await user.type(field, 'http://unreachable.invalid/api/v1');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText(/Saved, but unreachable\. Nothing answers at http:\/\/unreachable\.invalid\/api\/v1/),
    ).toBeInTheDocument();
    expect(useCredentialsStore.getState().apiBase).toBe('http://unreachable.invalid/api/v1');
    expect(field).toHaveValue('http://unreachable.invalid/api/v1');
  });

  it('says which server answers at a reachable address', async () => {
    const { user } = renderApp('/settings');
    const field = await screen.findByLabelText('API base URL');
    await user.clear(field);
    await user.type(field, 'http://127.0.0.1:9999/api/v1/');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Saved. http://127.0.0.1:9999/api/v1 answers: it is the local sandbox.'),
    ).toBeInTheDocument();
  });

  it('refuses a malformed address at the field, which gets the focus, and saves nothing', async () => {
    const { user } = renderApp('/settings');
    const field = await screen.findByLabelText('API base URL');
    await user.clear(field);
    await user.type(field, 'api.example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Use a path on this server/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(useCredentialsStore.getState().apiBase).toBe('/api/v1');
  });
});
