import { screen, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { DEMO_KEY } from '../../support/demo-keys';
import { renderApp } from '../../support/render-app';
import { useUsageReportApi } from './usage-report-api';

// The page and its charts are lazy chunks: loaded once here, so no test's own wait includes compiling them.
beforeAll(async () => {
  await Promise.all([import('../../../src/features/usage/usage-page'), import('../../../src/features/usage/charts')]);
}, 60_000);
beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

/** A table's rows as the text of their cells, header row first. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()));

async function openUsage(path = '/usage') {
  const api = useUsageReportApi();
  const view = renderApp(path);
  // The page is a lazy chunk: the first test of a file waits for it to load.
  await screen.findByRole('heading', { level: 1, name: 'Usage' }, { timeout: 10_000 });
  return { ...view, api };
}

describe('the usage page', () => {
  it('shows balance, plan and this period in credits and dollars', async () => {
    await openUsage();
    // The usage fixture: 100,000 credits, 12 charged and 5 refunded this period; one credit is $0.0002.
    expect(await screen.findByTestId('usage-balance')).toHaveTextContent('100,000 credits ($20.00)');
    expect(screen.getByTestId('usage-plan')).toHaveTextContent('Growth');
    expect(screen.getByTestId('usage-subscription')).toHaveTextContent('Active');
    expect(screen.getByTestId('period-charged')).toHaveTextContent('12 credits ($0.0024)');
    expect(screen.getByTestId('period-refunded')).toHaveTextContent('5 credits ($0.001)');
    expect(screen.getByTestId('period-net')).toHaveTextContent('7 credits ($0.0014)');
  });

  it('gives every chart a table and a sentence that say what it draws', async () => {
    await openUsage();
    const credits = await screen.findByRole('table', { name: 'Credits per day' });
    expect(rowsOf(credits)).toEqual([
      ['Day', 'Charged', 'Refunded', 'Net', 'Records'],
      ['2026-11-29', '26', '6', '20', 'Requests · Refunds'],
      ['2026-11-30', '0', '0', '0', 'Requests · Refunds'],
      ['2026-12-01', '25', '20', '5', 'Requests · Refunds'],
    ]);
    expect(screen.getByTestId('credits-summary')).toHaveTextContent(
      'From 2026-11-29 to 2026-12-01: 51 credits ($0.0102) charged, 26 credits ($0.0052) refunded, 25 credits ($0.005) net.',
    );

    const outcomes = screen.getByRole('table', { name: 'Scrapes per day by outcome' });
    expect(rowsOf(outcomes)[0]).toEqual([
      'Day',
      'Succeeded, charged',
      'Cache hit, free',
      'Failed, refunded',
      'Failed, not refunded',
      'All',
      'Records',
    ]);
    expect(rowsOf(outcomes)[3]).toEqual(['2026-12-01', '1', '0', '1', '3', '5', 'Requests · Refunds']);
    expect(screen.getByTestId('outcomes-summary')).toHaveTextContent(
      '12 scrapes: 5 succeeded, charged, 1 cache hit, free, 3 failed, refunded, 3 failed, not refunded.',
    );

    expect(rowsOf(await screen.findByRole('table', { name: 'Credits by tier' }))).toEqual([
      ['Tier', 'Scrapes', 'Charged', 'Refunded', 'Net'],
      ['Tier 1 (plain HTTP)', '6', '6', '1', '5'],
      ['Tier 4 (browser + CAPTCHA solving)', '2', '40', '20', '20'],
    ]);
    // Most frequent first, then by name.
    expect(rowsOf(screen.getByRole('table', { name: 'Errors by code' }))).toEqual([
      ['Code', 'Scrapes'],
      ['RATE_LIMIT_EXCEEDED', '3'],
      ['BLOCKED_BY_ANTIBOT', '1'],
      ['PAYWALL_DETECTED', '1'],
      ['TIMEOUT', '1'],
    ]);
  });

  it('lists the domains costliest first, with success rate and average tier', async () => {
    await openUsage();
    const table = await screen.findByRole('table', { name: /Cost per target domain/ });
    expect(rowsOf(table)).toEqual([
      ['Domain', 'Scrapes', 'Success rate', 'Charged', 'Refunded', 'Net cost', 'Average tier'],
      ['travel.example.net', '3', '50 %', '40', '20', '20', '4.0'],
      ['news.example.org', '3', '50 %', '9', '0', '9', '1.5'],
      ['zzz.example.com', '3', '100 %', '2', '0', '2', '1.5'],
    ]);
  });

  it('reads the days in UTC until asked for the browser’s time zone, and says which', async () => {
    const { user, api, router } = await openUsage();
    expect(await screen.findByTestId('usage-zone')).toHaveTextContent('Days are in UTC.');
    expect(api.callsTo('/usage-report/days').at(-1)?.searchParams.get('tz')).toBe('UTC');

    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    await user.click(screen.getByRole('radio', { name: `My time zone (${local})` }));
    expect(await screen.findByTestId('usage-zone')).toHaveTextContent(`Days are in your time zone, ${local}.`);
    expect(router.state.location.search).toMatchObject({ zone: 'local' });
    expect(api.callsTo('/usage-report/domains').at(-1)?.searchParams.get('tz')).toBe(local);
  });

  it('opens a day’s refunds from the day’s row', async () => {
    const { user, api, router } = await openUsage();
    const credits = await screen.findByRole('table', { name: 'Credits per day' });
    await user.click(within(credits).getByRole('button', { name: 'Refunds of 2026-11-29' }));
    expect(router.state.location.search).toMatchObject({ day: '2026-11-29' });
    expect(await screen.findByText(/Only 2026-11-29/)).toBeInTheDocument();
    const asked = api.callsTo('/usage-report/refunds').at(-1)!;
    expect([asked.searchParams.get('from'), asked.searchParams.get('to')]).toEqual(['2026-11-29', '2026-11-29']);
  });

  it('opens a day’s scrapes in the request log, as the day’s bar does', async () => {
    await openUsage();
    const outcomes = await screen.findByRole('table', { name: 'Scrapes per day by outcome' });
    const link = within(outcomes).getByRole('link', { name: 'Requests of 2026-11-29' });
    const target = new URL(link.getAttribute('href')!, 'http://dashboard');
    expect(target.pathname).toBe('/triage/log');
    expect(Object.fromEntries(target.searchParams)).toEqual({
      since: '2026-11-29',
      until: '2026-11-30',
      path: '/api/v1/scrape',
    });
  });
});
