import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../../src/api/credentials-store';
import { DEMO_KEY } from '../../../support/demo-keys';
import { requestLogFixture } from '../../../support/msw/fixtures';
import { api, server } from '../../../support/msw/server';
import { renderApp } from '../../../support/render-app';
import { ROW_HEIGHT, withLayout } from './layout';

const COUNT = 300;
const rows = Array.from({ length: COUNT }, (_, index) => ({
  request_id: `req_${index}`,
  method: 'POST',
  path: '/api/v1/scrape',
  url: `https://example.com/page-${index}`,
  at: new Date(Date.UTC(2026, 10, 25, 12) - index * 1000).toISOString(),
  origin: 'user' as const,
}));

withLayout();
beforeEach(() => {
  useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
  server.use(api.get('/requests', () => HttpResponse.json(requestLogFixture(rows))));
});

describe('the request log’s rows', () => {
  it('are drawn only near the view, and the focusable frame scrolls the rest into it', async () => {
    renderApp('/triage/log');
    const frame = await screen.findByRole(
      'region',
      { name: `Request log, ${COUNT} requests loaded` },
      { timeout: 5_000 },
    );
    expect(frame).toHaveAttribute('tabindex', '0');
    const table = within(frame).getByRole('table');
    expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
    const drawn = within(table).getAllByRole('row').length - 1;
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(50);
    expect(within(table).queryByText('https://example.com/page-200')).not.toBeInTheDocument();

    frame.scrollTop = 200 * ROW_HEIGHT;
    fireEvent.scroll(frame);
    const far = await within(table).findByText('https://example.com/page-200');
    expect(far.closest('tr')).toHaveAttribute('aria-rowindex', '202');
    await waitFor(() => expect(within(table).queryByText('https://example.com/page-0')).not.toBeInTheDocument());
  });

  it('keeps the row holding the focus drawn while it is scrolled away', async () => {
    const { user } = renderApp('/triage/log');
    const frame = await screen.findByRole('region', { name: /^Request log/ }, { timeout: 5_000 });
    const table = within(frame).getByRole('table');
    await user.tab();
    while (!frame.contains(document.activeElement) || document.activeElement === frame) await user.tab();
    const first = document.activeElement as HTMLElement;
    expect(first).toHaveAccessibleName(/^Request req_0,/);

    frame.scrollTop = 200 * ROW_HEIGHT;
    fireEvent.scroll(frame);
    await within(table).findByText('https://example.com/page-200');
    expect(within(table).queryByText('https://example.com/page-5')).not.toBeInTheDocument();
    expect(first).toBeInTheDocument();
    expect(first).toHaveFocus();
  });
});
