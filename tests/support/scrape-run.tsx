import { act, screen } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { afterEach, beforeEach, vi } from 'vitest';
import type { ErrorEnvelope } from '../../contract/envelope';
import {
  jobSchema,
  scrapeResultSchema,
  type Estimate,
  type Job,
  type ScrapeRequest,
  type ScrapeResult,
} from '../../contract/scrape';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { useRunHistoryStore } from '../../src/features/scrape/run-history-store';
import { envelope, rateLimitHeaders } from './msw/fixtures';
import { api, server } from './msw/server';
import { renderApp } from './render-app';
import { DEMO_KEY } from './demo-keys';

// ---- Contract-typed answers of POST /scrape and GET /jobs/{id}.

export const scrapeResultFixture = (overrides: Partial<ScrapeResult> = {}): ScrapeResult =>
  scrapeResultSchema.parse({
    url: 'https://example.com/article',
    final_url: 'https://example.com/article/',
    status_code: 200,
    title: 'An article',
    content: '<!doctype html><html><head><title>An article</title></head><body><h1>Hello</h1></body></html>',
    cached: false,
    request_id: 'req_aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    billing: {
      total_credits: 2,
      tier_used: '2',
      cached: false,
      escalations: [
        { tier: '1', result: 'failed', credits: 0, duration_ms: 120, error: 'HTTP 403 from the target' },
        { tier: '2', result: 'success', credits: 2, duration_ms: 340, error: null },
      ],
    },
    response_time_ms: 470,
    size_bytes: 98,
    ...overrides,
  });

export const jobFixture = (status: Job['status'], extra: Partial<Job> = {}): Job =>
  jobSchema.parse({ job_id: 'job_1', status, result: null, error: null, ...extra });

/** An error answer: the envelope, with its status and headers. */
type Failure = { status: number; body: ErrorEnvelope; headers?: Record<string, string> };
type Answer = { ok: ScrapeResult } | { accepted: string } | Failure;

export const ok = (result: ScrapeResult = scrapeResultFixture()): Answer => ({ ok: result });
export const failure = (status: number, code: string, headers: Record<string, string> = {}): Failure => ({
  status,
  body: envelope(
    code,
    `${code} from the test`,
    status === 429 ? {} : { billing: { refunded: true, refunded_credits: 5 } },
  ),
  headers,
});

/** POST /scrape answers each call with the next answer (the last repeats) and records every body sent. */
export function scrapeAnswers(...answers: Answer[]) {
  const bodies: ScrapeRequest[] = [];
  server.use(
    api.post('/scrape', async ({ request }) => {
      bodies.push(await request.json());
      const answer = answers[Math.min(bodies.length, answers.length) - 1];
      if (!answer) throw new Error('scrapeAnswers needs at least one answer');
      if ('ok' in answer) return HttpResponse.json(answer.ok, { headers: rateLimitHeaders(90) });
      if ('accepted' in answer) {
        const body = { job_id: answer.accepted, status: 'queued' as const, request_id: 'req_job' };
        return HttpResponse.json(body, { status: 202, headers: rateLimitHeaders(90) });
      }
      const headers = { ...rateLimitHeaders(answer.status === 429 ? 0 : 90), ...answer.headers };
      return HttpResponse.json(answer.body, { status: answer.status, headers });
    }),
  );
  return bodies;
}

/** GET /jobs/{id} answers the given jobs (or failures) in turn (the last repeats) and counts the polls. */
export function jobAnswers(...answers: (Job | Failure)[]) {
  const polls = { count: 0 };
  server.use(
    api.get('/jobs/:id', () => {
      polls.count += 1;
      const answer = answers[Math.min(polls.count, answers.length) - 1];
      if (!answer) throw new Error('jobAnswers needs at least one answer');
      if ('body' in answer) {
        const headers = { ...rateLimitHeaders(answer.status === 429 ? 0 : 80), ...answer.headers };
        return HttpResponse.json(answer.body, { status: answer.status, headers });
      }
      return HttpResponse.json(answer, { headers: rateLimitHeaders(80) });
    }),
  );
  return polls;
}

// ---- The scrape page, driven as a user drives it.

export const REQUEST: ScrapeRequest = { url: 'https://example.com/article' };

/** The form asks for a free estimate as the URL is typed. */
const estimate: Estimate = {
  url: REQUEST.url,
  estimated_tier: '1',
  estimated_credits: 1,
  max_possible_credits: 5,
  confidence: 'high',
  reasoning: 'Your last scrape of this page succeeded at tier 1.',
};

export function renderPage() {
  server.use(api.post('/scrape/estimate', () => HttpResponse.json(estimate, { headers: rateLimitHeaders(95) })));
  const view = renderApp('/scrape');
  const run = async (url = REQUEST.url) => {
    // The scrape page is a lazy chunk: the first test of a file waits for it to load.
    const field = await screen.findByLabelText('URL to scrape', {}, { timeout: 5_000 });
    await view.user.clear(field);
    await view.user.type(field, url);
    await view.user.click(screen.getByRole('button', { name: 'Run scrape' }));
  };
  return { ...view, run };
}

/** What the page recorded through onSettled: one entry per finished run. */
export const recorded = () => useRunHistoryStore.getState().entries;
export const panel = () => screen.getByRole('region', { name: 'Result' });
export const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

/**
 * Call at the top of each scrape-run test file: fake timers that still run on their own let a test skip
 * retry waits and poll intervals, and every test starts signed in with an empty run history.
 */
export function setUpScrapeRunTests() {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
    useRunHistoryStore.getState().historyCleared();
  });
  afterEach(() => vi.useRealTimers());
}
