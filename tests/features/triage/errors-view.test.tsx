import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RequestErrors } from '../../../contract/request-detail';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { DEMO_KEY } from '../../support/demo-keys';
import { API, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';

const DAY_MS = 86_400_000;
const day = (offset: number) =>
  new Date((Math.floor(Date.now() / DAY_MS) + offset) * DAY_MS).toISOString().slice(0, 10);

/** The queries the view sent, as the API received them. */
let asked: URLSearchParams[];
beforeEach(() => {
  useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
  asked = [];
  server.use(
    http.get(`${API}/requests/errors`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      asked.push(query);
      const body: RequestErrors = {
        days: [day(-1), day(0)],
        group: 'code_domain',
        groups: [
          { code: 'BLOCKED_BY_ANTIBOT', domain: 'shop.example.com', count: 12, refunded_credits: 60, trend: [4, 8] },
          { code: 'INVALID_API_KEY', domain: '', count: 3, refunded_credits: 0, trend: [3, 0] },
        ],
      };
      return HttpResponse.json(body);
    }),
  );
});

describe('the errors view', () => {
  it('lets a narrow column wrap a code after its underscores and a host after its dots, never inside a word', async () => {
    renderApp('/triage');
    const table = await screen.findByRole('table', { name: /grouped by code and domain/ });
    const [code, domain] = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell');
    expect(code).toHaveTextContent(/^BLOCKED_BY_ANTIBOT$/);
    expect(code).not.toHaveClass('break-all');
    expect(code!.querySelectorAll('wbr')).toHaveLength(2);
    expect(domain).toHaveTextContent(/^shop\.example\.com$/);
    expect(domain).not.toHaveClass('break-all');
    expect(domain!.querySelectorAll('wbr')).toHaveLength(2);
  });

  it('groups failures by code and domain with counts, refunds and a trend, each opening the filtered log', async () => {
    renderApp('/triage');
    const table = await screen.findByRole('table', { name: /grouped by code and domain/ });
    const [, antibot, noTarget] = within(table).getAllByRole('row');
    expect(antibot).toHaveTextContent('BLOCKED_BY_ANTIBOT');
    expect(antibot).toHaveTextContent('shop.example.com');
    expect(antibot).toHaveTextContent('12');
    expect(antibot).toHaveTextContent('60 credits');
    expect(within(antibot!).getByRole('img')).toHaveAccessibleName(`Per day, ${day(-1)}: 4, ${day(0)}: 8`);
    const open = within(antibot!).getByRole('link', {
      name: 'Open the 12 BLOCKED_BY_ANTIBOT on shop.example.com failures in the request log',
    });
    const target = new URL(open.getAttribute('href')!, 'http://dashboard');
    expect(target.pathname).toBe('/triage/log');
    expect(Object.fromEntries(target.searchParams)).toEqual({
      code: 'BLOCKED_BY_ANTIBOT',
      domain: 'shop.example.com',
      since: day(-6),
      until: day(1),
      origin: 'all',
    });
    expect(noTarget).toHaveTextContent('no target');
    const noTargetLink = within(noTarget!).getByRole('link');
    expect(new URL(noTargetLink.getAttribute('href')!, 'http://dashboard').searchParams.has('domain')).toBe(false);
    // The last 7 whole UTC days, today included, by default.
    expect(asked[0]?.get('since')).toBe(`${day(-6)}T00:00:00.000Z`);
    expect(asked[0]?.get('until')).toBe(`${day(1)}T00:00:00.000Z`);
    expect(asked[0]?.get('group')).toBe('code_domain');
  });

  it('keeps the period and grouping in the URL and asks the API for them', async () => {
    const { user, router } = renderApp('/triage');
    await screen.findByRole('table');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Last 30 days');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'Code');
    expect(router.state.location.search).toEqual({ days: 30, group: 'code' });
    await waitFor(() => expect(asked.at(-1)?.get('group')).toBe('code'));
    expect(asked.at(-1)?.get('since')).toBe(`${day(-29)}T00:00:00.000Z`);
  });

  it('opens a shared link at its period', async () => {
    renderApp('/triage?days=90&group=domain');
    await screen.findByRole('table');
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue('90');
    expect(asked[0]?.get('since')).toBe(`${day(-89)}T00:00:00.000Z`);
    expect(asked[0]?.get('group')).toBe('domain');
  });

  it('says when the period has no failures, and shows the catalog’s guidance when the API refuses', async () => {
    server.use(
      http.get(`${API}/requests/errors`, () =>
        HttpResponse.json({ days: [day(0)], group: 'code_domain', groups: [] } satisfies RequestErrors),
      ),
    );
    const { unmount } = renderApp('/triage?days=1');
    expect(await screen.findByText('No failures in this period.')).toBeInTheDocument();
    unmount();

    server.use(
      http.get(`${API}/requests/errors`, () =>
        HttpResponse.json({ error: 'INVALID_REQUEST', message: 'until: A period of at most 90 days' }, { status: 400 }),
      ),
    );
    renderApp('/triage');
    expect(await screen.findByTestId('guidance-card')).toHaveTextContent('INVALID_REQUEST');
  });
});
