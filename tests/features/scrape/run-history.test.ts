import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { estimateSchema, scrapeRequestSchema, scrapeResultSchema, type ScrapeResult } from '../../../contract/scrape';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { HISTORY_LIMIT, useRunHistoryStore, type RunOutcome } from '../../../src/features/scrape/run-history-store';
import { rateLimitHeaders } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';
import { findScrapeForm } from '../../support/scrape-form';
import { DEMO_KEY } from '../../support/demo-keys';

const KEY = DEMO_KEY.growth;
const DEMO = 'http://127.0.0.1:8788';
const SLOT = 'scrape-dashboard.run-history';

const resultFixture = (overrides: Partial<ScrapeResult> = {}): ScrapeResult =>
  scrapeResultSchema.parse({
    url: `${DEMO}/article`,
    final_url: `${DEMO}/article`,
    status_code: 200,
    title: 'Demo article',
    content: '<h1>Demo article</h1>',
    cached: false,
    request_id: 'req_22222222-2222-4222-8222-222222222222',
    billing: {
      total_credits: 1,
      tier_used: '1',
      cached: false,
      escalations: [{ tier: '1', result: 'success', credits: 1, duration_ms: 12, error: null }],
    },
    response_time_ms: 15,
    size_bytes: 21,
    ...overrides,
  });

const ok: RunOutcome = { ok: true, status: 200, result: resultFixture() };
const blocked: RunOutcome = {
  ok: false,
  status: 403,
  code: 'BLOCKED_BY_ANTIBOT',
  requestId: 'req_11111111-2222-4333-8444-555555555555',
  refunded: true,
};

const history = () => useRunHistoryStore.getState();

beforeEach(() => {
  useCredentialsStore.getState().keyEntered(KEY, false);
  history().historyCleared();
});

describe('run history store', () => {
  it('keeps the newest 50 runs, newest first', () => {
    for (let run = 1; run <= 55; run++) history().runFinished({ url: `${DEMO}/article?run=${run}` }, ok);
    expect(history().entries).toHaveLength(HISTORY_LIMIT);
    expect(history().entries[0]?.request.url).toBe(`${DEMO}/article?run=55`);
    expect(history().entries.at(-1)?.request.url).toBe(`${DEMO}/article?run=6`);
    expect(new Set(history().entries.map((entry) => entry.id)).size).toBe(HISTORY_LIMIT);
  });

  it('keeps the cookie names but never their values, in memory or in localStorage', () => {
    history().runFinished(
      { url: `${DEMO}/members`, cookies: { demo_session: 'valid', other: 'x' }, timeout: 30 },
      blocked,
    );
    const [entry] = history().entries;
    expect(entry?.request).toEqual({ url: `${DEMO}/members`, cookies: { demo_session: '', other: '' }, timeout: 30 });
    const stored = localStorage.getItem(SLOT) ?? '';
    expect(stored).toContain('demo_session');
    expect(stored).not.toContain('valid');
    expect(stored).not.toContain(KEY);
  });

  it('records the outcome: status, tier, credits and cache, or the error code', () => {
    history().runFinished({ url: `${DEMO}/article` }, { ...ok, result: resultFixture({ cached: true }) });
    history().runFinished({ url: `${DEMO}/antibot` }, blocked);
    const [failed, succeeded] = history().entries;
    expect(succeeded?.outcome).toEqual({ ok: true, status: 200, code: null, tier: '1', credits: 1, cached: true });
    expect(failed?.outcome).toEqual({
      ok: false,
      status: 403,
      code: 'BLOCKED_BY_ANTIBOT',
      tier: null,
      credits: null,
      cached: false,
    });
    expect(Date.parse(failed?.at ?? '')).not.toBeNaN();
  });

  it('drops what it cannot trust when reading localStorage back', async () => {
    history().runFinished({ url: `${DEMO}/article` }, ok);
    const saved = JSON.parse(localStorage.getItem(SLOT) ?? '{}') as { state: { entries: unknown[] } };
    const [good] = saved.state.entries as { id: string }[];
    saved.state.entries.push(
      { ...good, id: 'bad-request', request: { url: 'javascript:alert(1)' } },
      { ...good, id: 'bad-outcome', outcome: { ok: 'yes' } },
      'not an entry',
    );
    localStorage.setItem(SLOT, JSON.stringify(saved));
    await useRunHistoryStore.persist.rehydrate();
    expect(history().entries.map((entry) => entry.id)).toEqual([good?.id]);
  });
});

describe('recent runs on the scrape page', () => {
  it('lists runs with their outcome, links an error to its guidance, reopens one and clears, keeping the focus', async () => {
    history().runFinished({ url: `${DEMO}/members`, cookies: { demo_session: 'valid' }, max_tier: '2' }, ok);
    history().runFinished({ url: `${DEMO}/antibot` }, blocked);
    const { user } = renderApp('/scrape');
    const panel = await screen.findByRole('region', { name: 'Recent runs' });
    const [newest, oldest] = within(panel).getAllByRole('listitem');
    expect(newest).toHaveTextContent(`${DEMO}/antibot`);
    expect(within(newest!).getByRole('link', { name: 'BLOCKED_BY_ANTIBOT' })).toHaveAttribute(
      'href',
      '/errors/BLOCKED_BY_ANTIBOT?status=403',
    );
    expect(oldest).toHaveTextContent('200 · tier 1 · 1 credit');

    await user.click(within(oldest!).getByRole('button', { name: `Reopen ${DEMO}/members in the form` }));
    const form = screen.getByRole('form', { name: 'Scrape request' });
    expect(within(form).getByLabelText('URL to scrape')).toHaveValue(`${DEMO}/members`);
    expect(within(form).getByLabelText('Maximum tier')).toHaveValue('2');
    expect(within(form).getByLabelText('Cookie 1 Name')).toHaveValue('demo_session');
    expect(within(form).getByLabelText('Cookie 1 Value')).toHaveValue('');
    expect(within(panel).getByRole('status')).toHaveTextContent('Type the cookie values again');

    await user.click(within(panel).getByRole('button', { name: 'Clear history' }));
    // The button went with the list: the keyboard is left on what replaced it, not at the page's start.
    expect(within(panel).getByText(/No runs yet in this browser/)).toHaveFocus();
    expect(history().entries).toHaveLength(0);
  });

  it('records a run made from the form', async () => {
    server.use(
      api.post('/scrape/estimate', () =>
        HttpResponse.json(
          estimateSchema.parse({
            estimated_tier: '1',
            estimated_credits: 1,
            max_possible_credits: 5,
            confidence: 'high',
          }),
        ),
      ),
      api.post('/scrape', async ({ request }) => {
        scrapeRequestSchema.parse(await request.json());
        return HttpResponse.json(resultFixture(), { headers: rateLimitHeaders(80) });
      }),
    );
    const { user } = renderApp('/scrape');
    const form = await findScrapeForm();
    await user.type(within(form).getByLabelText('URL to scrape'), `${DEMO}/article`);
    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));
    const panel = screen.getByRole('region', { name: 'Recent runs' });
    expect(await within(panel).findByText('200 · tier 1 · 1 credit', { exact: false })).toBeInTheDocument();
    expect(history().entries[0]?.request).toEqual({ url: `${DEMO}/article` });
  });
});
