import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { refundListSchema } from '../../../contract/usage-report';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { DEMO_KEY } from '../../support/demo-keys';
import { API, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';
import { refund, useUsageReportApi } from './usage-report-api';

// The page and its charts are lazy chunks: loaded once here, so no test's own wait includes compiling them.
beforeAll(async () => {
  await Promise.all([import('../../../src/features/usage/usage-page'), import('../../../src/features/usage/charts')]);
}, 60_000);
beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));
afterEach(() => vi.restoreAllMocks());

// A refetch on a busy shared machine can take a few seconds.
const WAIT = { timeout: 8_000 };

async function openRefunds(path = '/usage') {
  const api = useUsageReportApi();
  const view = renderApp(path);
  const region = await screen.findByRole('region', { name: 'Refund history' }, { timeout: 10_000 });
  const table = await within(region).findByRole('table');
  return { ...view, api, table };
}

/** The refund table's codes, top to bottom. */
const codesIn = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelectorAll('td')[2]?.textContent);

describe('the refund history', () => {
  it('shows each refund with the policy’s verdict, and marks a mismatch', async () => {
    const { table } = await openRefunds();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(codesIn(table)).toEqual(['BLOCKED_BY_ANTIBOT', 'RATE_LIMIT_EXCEEDED', 'PAYWALL_DETECTED']);
    expect(rows[0]).toHaveTextContent('20 credits');
    expect(rows[0]).toHaveTextContent('yes');
    expect(rows[0]).not.toHaveTextContent('Mismatch');
    expect(rows[1]).toHaveTextContent(/no\s*⚠ Mismatch/);
  });

  it('sorts by a column from its header, in the URL, and turns the order round on a second click', async () => {
    const { table, user, router } = await openRefunds();
    await user.click(within(table).getByRole('link', { name: /^Code/ }));
    expect(router.state.location.search).toMatchObject({ sort: 'code' });
    expect(within(table).getByRole('columnheader', { name: /^Code/ })).toHaveAttribute('aria-sort', 'descending');
    expect(codesIn(table)).toEqual(['RATE_LIMIT_EXCEEDED', 'PAYWALL_DETECTED', 'BLOCKED_BY_ANTIBOT']);

    await user.click(within(table).getByRole('link', { name: /^Code/ }));
    expect(router.state.location.search).toMatchObject({ sort: 'code', dir: 'asc' });
    expect(codesIn(table)).toEqual(['BLOCKED_BY_ANTIBOT', 'PAYWALL_DETECTED', 'RATE_LIMIT_EXCEEDED']);
  });

  it('filters by code and by mismatch through the URL, and a link with them opens the same view', async () => {
    const { user, router, api } = await openRefunds();
    await user.click(screen.getByRole('checkbox', { name: 'Only refunds the policy does not expect' }));
    expect(router.state.location.search).toMatchObject({ mismatch: true });
    await vi.waitFor(
      () => expect(api.callsTo('/usage-report/refunds').at(-1)?.searchParams.get('mismatch')).toBe('true'),
      WAIT,
    );
    await vi.waitFor(
      () => expect(codesIn(screen.getByRole('table', { name: /Refunds/ }))).toEqual(['RATE_LIMIT_EXCEEDED']),
      WAIT,
    );

    await user.click(screen.getByRole('checkbox', { name: 'Only refunds the policy does not expect' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Code' }), 'PAYWALL_DETECTED');
    expect(router.state.location.search).toMatchObject({ code: 'PAYWALL_DETECTED' });
    await vi.waitFor(
      () => expect(api.callsTo('/usage-report/refunds').at(-1)?.searchParams.get('code')).toBe('PAYWALL_DETECTED'),
      WAIT,
    );
    await vi.waitFor(
      () => expect(codesIn(screen.getByRole('table', { name: /Refunds/ }))).toEqual(['PAYWALL_DETECTED']),
      WAIT,
    );
  });

  it('offers the codes a refund can carry, grouped by what the policy says of them', async () => {
    await openRefunds();
    const select = screen.getByRole('combobox', { name: 'Code' });
    const refunded = within(select).getByRole('group', { name: 'Refunded by the policy' });
    const mismatch = within(select).getByRole('group', {
      name: 'Not refunded by the policy (a refund is a mismatch)',
    });
    expect(within(refunded).getByRole('option', { name: 'BLOCKED_BY_ANTIBOT' })).toBeInTheDocument();
    expect(within(mismatch).getByRole('option', { name: 'RATE_LIMIT_EXCEEDED' })).toBeInTheDocument();
    // Refused before anything is charged: never in a refund's row.
    expect(within(select).queryByRole('option', { name: 'INSUFFICIENT_CREDITS' })).toBeNull();
  });

  it('opens with the filters a link carries', async () => {
    const { api, table } = await openRefunds('/usage?code=BLOCKED_BY_ANTIBOT&sort=credits&dir=asc');
    expect(screen.getByRole('combobox', { name: 'Code' })).toHaveValue('BLOCKED_BY_ANTIBOT');
    expect(api.callsTo('/usage-report/refunds')[0]?.searchParams.get('code')).toBe('BLOCKED_BY_ANTIBOT');
    expect(codesIn(table)).toEqual(['BLOCKED_BY_ANTIBOT']);
  });

  it('exports what the filters keep as CSV, in the table’s order, without the key', async () => {
    const files: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      files.push(blob as Blob);
      return 'blob:refunds';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = await openRefunds('/usage?sort=credits&dir=asc');

    await user.click(screen.getByRole('button', { name: 'Export as CSV' }));
    await vi.waitFor(() => expect(files).toHaveLength(1), WAIT);
    const csv = await files[0]!.text();
    expect(csv.split('\r\n')).toEqual([
      'refunded_at,request_id,code,credits_refunded,domain,refund_expected_by_policy,mismatch',
      '2026-11-29T12:00:00.000Z,req_00000002-0000-4000-8000-000000000000,RATE_LIMIT_EXCEEDED,1,shop.example.com,no,yes',
      '2026-11-29T09:00:00.000Z,req_00000001-0000-4000-8000-000000000000,PAYWALL_DETECTED,1,news.example.org,yes,no',
      '2026-12-01T10:00:00.000Z,req_00000003-0000-4000-8000-000000000000,BLOCKED_BY_ANTIBOT,20,travel.example.net,yes,no',
      '',
    ]);
    expect(csv).not.toContain('sk_');
    expect(csv).not.toContain(DEMO_KEY.growth);
  });

  it('keeps the keyboard on “Load more refunds” while a page loads, then on the count once the last is in', async () => {
    useUsageReportApi();
    // Two pages: the second is read a moment later, so the button is seen while it loads.
    server.use(
      http.get(`${API}/usage-report/refunds`, async ({ request }) => {
        const second = new URL(request.url).searchParams.has('cursor');
        if (second) await delay(50);
        return HttpResponse.json(
          refundListSchema.parse({
            from: '2026-11-29',
            to: '2026-12-01',
            time_zone: 'UTC',
            refunds: [refund(second ? 1 : 2)],
            next_cursor: second ? null : 'page-2',
          }),
        );
      }),
    );
    const { user } = renderApp('/usage');
    await user.click(await screen.findByRole('button', { name: 'Load more refunds' }, WAIT));
    const loading = await screen.findByRole('button', { name: 'Loading…' });
    expect(loading).toHaveAttribute('aria-disabled', 'true');
    expect(document.activeElement).toBe(loading);

    const count = screen.getByTestId('refund-count');
    await waitFor(() => expect(count).toHaveTextContent(/^2 refunds from/));
    expect(screen.queryByRole('button', { name: /Load more refunds|Loading/ })).not.toBeInTheDocument();
    // Where the button was, so the page does not scroll away from the rows just read.
    expect(document.activeElement).toBe(screen.getByText('That is every refund of the period.'));
  });
});
