import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { afterEach, beforeEach, vi } from 'vitest';
import { estimateSchema, scrapeRequestSchema, type ScrapeRequest } from '../../contract/scrape';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { useRunHistoryStore } from '../../src/features/scrape/run-history-store';
import { DEMO_KEY } from './demo-keys';
import { envelope, rateLimitHeaders } from './msw/fixtures';
import { api, server } from './msw/server';
import { renderApp } from './render-app';

export const KEY = DEMO_KEY.growth;
/** The sandbox's demo web, as the msw sandbox info names it. */
export const DEMO = 'http://127.0.0.1:8788';

/** What the API was asked, as sent; checked with the contract's schema, so a body it would refuse fails the test. */
export const sent = { estimates: [] as ScrapeRequest[], scrapes: [] as ScrapeRequest[] };
const checked = (body: unknown) => {
  scrapeRequestSchema.parse(body);
  return body as ScrapeRequest;
};

/**
 * Call at the top of each scrape-form test file: every test starts signed in with an empty run history, the
 * estimate answers, and a scrape is refused as BLOCKED_BY_ANTIBOT.
 */
export function setUpScrapeFormTests() {
  beforeEach(() => {
    useCredentialsStore.getState().keyEntered(KEY, false);
    useRunHistoryStore.getState().historyCleared();
    sent.estimates = [];
    sent.scrapes = [];
    server.use(
      api.post('/scrape/estimate', async ({ request }) => {
        const body = checked(await request.json());
        sent.estimates.push(body);
        const { url } = body;
        const estimate = { url, estimated_tier: '1', estimated_credits: 1, max_possible_credits: 5, confidence: 'low' };
        const reasoning = 'No scrape of this page on this account yet: the run starts at tier 1.';
        return HttpResponse.json(estimateSchema.parse({ ...estimate, reasoning }), { headers: rateLimitHeaders(90) });
      }),
      api.post('/scrape', async ({ request }) => {
        sent.scrapes.push(checked(await request.json()));
        return HttpResponse.json(
          envelope('BLOCKED_BY_ANTIBOT', 'Blocked by anti-bot protection', {
            billing: { refunded: true, refunded_credits: 5 },
          }),
          { status: 403, headers: rateLimitHeaders(89) },
        );
      }),
    );
  });
  afterEach(() => vi.useRealTimers());
}

/**
 * The scrape page's form once its fields are there: the page is a lazy chunk (the first test of a file waits for
 * it to load), and the form's code loads once the heading and the demo targets are drawn.
 */
export async function findScrapeForm(): Promise<HTMLElement> {
  const form = await screen.findByRole('form', { name: 'Scrape request' }, { timeout: 5_000 });
  await within(form).findByLabelText('URL to scrape');
  return form;
}

export async function openForm() {
  const view = renderApp('/scrape');
  return { ...view, form: await findScrapeForm() };
}

/**
 * For a test that asserts something did not happen: fake timers that still run on their own, so it can jump past
 * the estimate's debounce (advance) instead of sleeping. Call it once the form is open (the page loads on real
 * timers); real timers come back after each test.
 */
export const startFakeClock = () => vi.useFakeTimers({ shouldAdvanceTime: true });
