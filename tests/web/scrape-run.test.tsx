import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorEnvelope } from '../../contract/envelope';
import {
  jobSchema,
  scrapeResultSchema,
  type Estimate,
  type Job,
  type ScrapeRequest,
  type ScrapeResult,
} from '../../contract/scrape';
import { ApiError } from '../../src/api/api-error';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { nextStep } from '../../src/features/scrape/retry-policy';
import { useRunHistoryStore } from '../../src/features/scrape/run-history-store';
import { useScrapeRun, type RunOutcome } from '../../src/features/scrape/use-scrape-run';
import { envelope, rateLimitHeaders } from './msw/fixtures';
import { API, server } from './msw/server';
import { renderApp } from './render-app';

// ---- Contract-typed answers of POST /scrape and GET /jobs/{id}.

const scrapeResultFixture = (overrides: Partial<ScrapeResult> = {}): ScrapeResult =>
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
    ...overrides,
  });

const jobFixture = (status: Job['status'], extra: Partial<Job> = {}): Job =>
  jobSchema.parse({ job_id: 'job_1', status, result: null, error: null, ...extra });

type Answer =
  | { ok: ScrapeResult }
  | { accepted: string }
  | { status: number; body: ErrorEnvelope; headers?: Record<string, string> };

const ok = (result: ScrapeResult = scrapeResultFixture()): Answer => ({ ok: result });
const failure = (status: number, code: string, headers: Record<string, string> = {}): Answer => ({
  status,
  body: envelope(
    code,
    `${code} from the test`,
    status === 429 ? {} : { billing: { refunded: true, refunded_credits: 5 } },
  ),
  headers,
});

/** POST /scrape answers each call with the next answer (the last repeats) and records every body sent. */
function scrapeAnswers(...answers: Answer[]) {
  const bodies: ScrapeRequest[] = [];
  server.use(
    http.post(`${API}/scrape`, async ({ request }) => {
      bodies.push((await request.json()) as ScrapeRequest);
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

/** GET /jobs/{id} answers the given jobs in turn (the last repeats) and counts the polls. */
function jobAnswers(...jobs: Job[]) {
  const polls = { count: 0 };
  server.use(
    http.get(`${API}/jobs/:id`, () => {
      polls.count += 1;
      return HttpResponse.json(jobs[Math.min(polls.count, jobs.length) - 1], { headers: rateLimitHeaders(80) });
    }),
  );
  return polls;
}

// ---- The scrape page, driven as a user drives it.

const REQUEST: ScrapeRequest = { url: 'https://example.com/article' };

/** The form asks for a free estimate as the URL is typed. */
const estimate: Estimate = { estimated_tier: '1', estimated_credits: 1, max_possible_credits: 5, confidence: 'high' };

function renderPage() {
  server.use(http.post(`${API}/scrape/estimate`, () => HttpResponse.json(estimate, { headers: rateLimitHeaders(95) })));
  const view = renderApp('/scrape');
  const run = async (url = REQUEST.url) => {
    const field = await screen.findByLabelText('URL to scrape');
    await view.user.clear(field);
    await view.user.type(field, url);
    await view.user.click(screen.getByRole('button', { name: 'Run scrape' }));
  };
  return { ...view, run };
}

/** What the page recorded through onSettled: one entry per finished run. */
const recorded = () => useRunHistoryStore.getState().entries;
const panel = () => screen.getByRole('region', { name: 'Result' });
const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  useCredentialsStore.getState().keyEntered('sk_test_growth00000000000000000000000000', false);
  useRunHistoryStore.getState().historyCleared();
});
afterEach(() => vi.useRealTimers());

describe('scrape run', () => {
  it('shows a success as tabs, with the meta and the escalation timeline', async () => {
    scrapeAnswers(ok());
    const { run, user } = renderPage();
    await run();

    const tabs = await screen.findByRole('tablist', { name: 'Scraped content' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['Rendered', 'HTML source']);
    expect(screen.getByTitle('Rendered page')).toHaveAttribute('sandbox', '');
    expect(panel()).toHaveTextContent('Final URLhttps://example.com/article/');
    expect(panel()).toHaveTextContent('Tier usedTier 2 (browser-like headers)');
    expect(panel()).toHaveTextContent('Credits2 credits');
    expect(panel()).toHaveTextContent('CachedNo');
    const timeline = screen.getByRole('table', { name: 'Escalation timeline' });
    const rows = within(timeline).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Tier 1 (plain HTTP)✗ Failed0120HTTP 403 from the target',
      'Tier 2 (browser-like headers)✓ Succeeded2340—',
    ]);
    expect(recorded()).toHaveLength(1);
    expect(recorded()[0]).toMatchObject({
      request: REQUEST,
      outcome: { ok: true, status: 200, tier: '2', credits: 2 },
    });

    // Keyboard only: arrows move between tabs; the source view is a lazy chunk.
    await user.click(within(tabs).getByRole('tab', { name: 'Rendered' }));
    await user.keyboard('{ArrowRight}');
    expect(within(tabs).getByRole('tab', { name: 'HTML source' })).toHaveAttribute('aria-selected', 'true');
    const source = await screen.findByRole('tabpanel', { name: 'HTML source' });
    // The markup is shown as text, never parsed into the dashboard.
    expect(await within(source).findAllByText('h1', { selector: '.hljs-name' })).toHaveLength(2);
    expect(source).toHaveTextContent('<h1>Hello</h1>');
    expect(source.querySelector('h1')).toBeNull();
  });

  it('offers the tabs of the formats asked for', async () => {
    const content = { html: '<p>Hi</p>', markdown: '# Hi', text: 'Hi', json: { headline: 'Hi' } };
    scrapeAnswers(ok(scrapeResultFixture({ content })));
    const { run, user } = renderPage();
    await run();
    const tabs = await screen.findByRole('tablist', { name: 'Scraped content' });
    const names = within(tabs)
      .getAllByRole('tab')
      .map((tab) => tab.textContent);
    expect(names).toEqual(['Rendered', 'HTML source', 'Markdown', 'Text', 'JSON']);
    await user.click(within(tabs).getByRole('tab', { name: 'Markdown' }));
    expect(screen.getByRole('tabpanel', { name: 'Markdown' })).toHaveTextContent('# Hi');
    await user.click(within(tabs).getByRole('tab', { name: 'JSON' }));
    const json = await screen.findByRole('tabpanel', { name: 'JSON' });
    expect(await within(json).findByText('"Hi"')).toBeInTheDocument();
  });

  it('shows the guidance for a 403 and runs again with the fix applied', async () => {
    const bodies = scrapeAnswers(failure(403, 'BLOCKED_BY_ANTIBOT'), ok());
    const { run, user } = renderPage();
    await run();

    const card = await screen.findByTestId('guidance-card');
    expect(card).toHaveTextContent('BLOCKED_BY_ANTIBOT · HTTP 403');
    await advance(10_000);
    expect(bodies).toHaveLength(1);
    expect(recorded()[0]?.outcome).toMatchObject({ ok: false, status: 403, code: 'BLOCKED_BY_ANTIBOT' });

    await user.click(within(card).getByRole('button', { name: 'Allow tier 4 (CAPTCHA solving)' }));
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    // The pressed fix went away with the card; focus stays in the panel rather than falling to the page's start.
    expect(screen.getByRole('heading', { name: 'Result' })).toHaveFocus();
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual({ url: REQUEST.url, max_tier: '4' });
  });

  it('waits out a 429 with a countdown, then retries by itself', async () => {
    const bodies = scrapeAnswers(failure(429, 'RATE_LIMIT_EXCEEDED', { 'Retry-After': '2' }), ok());
    const { run } = renderPage();
    await run();

    expect(await screen.findByText('Rate limited: retrying in 2 s')).toBeInTheDocument();
    expect(within(panel()).getByRole('button', { name: 'Retry now' })).toBeInTheDocument();
    await advance(1_000);
    expect(screen.getByText('Rate limited: retrying in 1 s')).toBeInTheDocument();
    expect(bodies).toHaveLength(1);
    await advance(1_100);
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    expect(bodies).toHaveLength(2);
  });

  it('stops waiting when cancelled: nothing more is sent and nothing is recorded', async () => {
    const bodies = scrapeAnswers(failure(429, 'RATE_LIMIT_EXCEEDED', { 'Retry-After': '30' }), ok());
    const { run, user } = renderPage();
    await run();
    expect(await screen.findByText('Rate limited: retrying in 30 s')).toBeInTheDocument();

    await user.click(within(panel()).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('heading', { name: 'Result' })).toHaveFocus();
    await advance(60_000);
    expect(bodies).toHaveLength(1);
    expect(screen.queryByText(/Rate limited/)).not.toBeInTheDocument();
    expect(recorded()).toHaveLength(0);
  });

  it('sends at once on "Retry now"', async () => {
    const bodies = scrapeAnswers(failure(429, 'RATE_LIMIT_EXCEEDED', { 'Retry-After': '30' }), ok());
    const { run, user } = renderPage();
    await run();
    await user.click(await within(panel()).findByRole('button', { name: 'Retry now' }));
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    expect(bodies).toHaveLength(2);
  });

  it('backs off on 503 and succeeds on try 3', async () => {
    const bodies = scrapeAnswers(failure(503, 'SERVICE_UNAVAILABLE'), failure(503, 'SERVICE_UNAVAILABLE'), ok());
    const { run } = renderPage();
    await run();

    expect(await screen.findByText('Server error: try 2 of 3 in 1 s')).toBeInTheDocument();
    await advance(1_100);
    expect(await screen.findByText('Server error: try 3 of 3 in 2 s')).toBeInTheDocument();
    expect(bodies).toHaveLength(2);
    await advance(2_100);
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    expect(bodies).toHaveLength(3);
    expect(recorded()).toHaveLength(1);
  });

  it('gives up after 3 tries of 503 and shows the guidance', async () => {
    const bodies = scrapeAnswers(failure(503, 'SERVICE_UNAVAILABLE'));
    const { run } = renderPage();
    await run();
    await screen.findByText('Server error: try 2 of 3 in 1 s');
    await advance(1_100);
    await screen.findByText('Server error: try 3 of 3 in 2 s');
    await advance(2_100);

    expect(await screen.findByTestId('guidance-card')).toHaveTextContent('SERVICE_UNAVAILABLE · HTTP 503');
    await advance(30_000);
    expect(bodies).toHaveLength(3);
    expect(recorded()).toHaveLength(1);
  });

  it('never retries a 400', async () => {
    const bodies = scrapeAnswers(failure(400, 'INVALID_REQUEST'));
    const { run } = renderPage();
    await run();
    expect(await screen.findByTestId('guidance-card')).toHaveTextContent('INVALID_REQUEST · HTTP 400');
    await advance(30_000);
    expect(bodies).toHaveLength(1);
  });

  it('polls a 202 job through queued and processing to its result, then stops', async () => {
    scrapeAnswers({ accepted: 'job_1' });
    const polls = jobAnswers(
      jobFixture('queued'),
      jobFixture('processing'),
      jobFixture('succeeded', { result: scrapeResultFixture() }),
    );
    const { run } = renderPage();
    await run();

    const progress = await screen.findByRole('list', { name: 'Job progress' });
    expect(await within(panel()).findByText(/: queued, waiting for a worker/)).toHaveTextContent('Job job_1: queued');
    expect(progress).toHaveTextContent('1. Queued (current)');
    await advance(1_000);
    expect(await within(panel()).findByText(/: processing/)).toHaveTextContent('Job job_1: processing');
    expect(progress).toHaveTextContent('2. Processing (current)');
    await advance(1_000);
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    expect(polls.count).toBe(3);
    await advance(5_000);
    expect(polls.count).toBe(3);
    expect(recorded()).toHaveLength(1);
  });

  it('shows a failed job with the guidance for its error', async () => {
    scrapeAnswers({ accepted: 'job_1' });
    const error = envelope('TIMEOUT', 'Too slow', { billing: { refunded: true, refunded_credits: 5 } });
    jobAnswers(jobFixture('failed', { error }));
    const { run } = renderPage();
    await run();
    expect(await screen.findByTestId('guidance-card')).toHaveTextContent('TIMEOUT · HTTP 504');
    expect(recorded()[0]?.outcome).toMatchObject({ ok: false, status: 504, code: 'TIMEOUT' });
  });

  it('stops polling when the page goes away', async () => {
    scrapeAnswers({ accepted: 'job_1' });
    const polls = jobAnswers(jobFixture('queued'));
    const { run, router } = renderPage();
    await run();
    await screen.findByRole('list', { name: 'Job progress' });
    await advance(1_000);
    const seen = polls.count;
    expect(seen).toBeGreaterThanOrEqual(1);
    await act(() => router.navigate({ to: '/errors' }));
    expect(await screen.findByRole('heading', { level: 1, name: /error/i })).toBeInTheDocument();
    await advance(5_000);
    expect(polls.count).toBe(seen);
    expect(recorded()).toHaveLength(0);
  });
});

describe('useScrapeRun', () => {
  const settled = () => vi.fn<(request: ScrapeRequest, outcome: RunOutcome) => void>();

  it('cancels the run in flight when a new one starts, and reports only the new one', async () => {
    const bodies = scrapeAnswers(failure(503, 'SERVICE_UNAVAILABLE'), ok());
    const onSettled = settled();
    const { result } = renderHook(() => useScrapeRun({ onSettled }));
    act(() => result.current.start(REQUEST));
    await waitFor(() => expect(result.current.state.phase).toBe('waiting'));
    expect(result.current.isRunning).toBe(true);

    const other = { url: 'https://example.com/other' };
    act(() => result.current.start(other));
    await waitFor(() => expect(result.current.state.phase).toBe('succeeded'));
    await advance(10_000);
    expect(bodies).toEqual([REQUEST, other]);
    expect(onSettled).toHaveBeenCalledOnce();
    expect(onSettled).toHaveBeenCalledWith(other, expect.objectContaining({ ok: true, status: 200 }));
  });

  it('reports a failure once, with its code, request id and refund', async () => {
    scrapeAnswers(failure(400, 'INVALID_REQUEST'));
    const onSettled = settled();
    const { result } = renderHook(() => useScrapeRun({ onSettled }));
    act(() => result.current.start(REQUEST));
    await waitFor(() => expect(result.current.state.phase).toBe('failed'));
    expect(onSettled).toHaveBeenCalledExactlyOnceWith(REQUEST, {
      ok: false,
      status: 400,
      code: 'INVALID_REQUEST',
      requestId: 'req_11111111-2222-4333-8444-555555555555',
      refunded: true,
    });
  });

  it('aborts the request in flight when unmounted', async () => {
    let reached = false;
    let aborted = false;
    server.use(
      http.post(`${API}/scrape`, async ({ request }) => {
        reached = true;
        await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
        aborted = true;
        return HttpResponse.json(scrapeResultFixture());
      }),
    );
    const onSettled = settled();
    const { result, unmount } = renderHook(() => useScrapeRun({ onSettled }));
    act(() => result.current.start(REQUEST));
    expect(result.current.state.phase).toBe('running');
    await waitFor(() => expect(reached).toBe(true));
    unmount();
    await waitFor(() => expect(aborted).toBe(true));
    expect(onSettled).not.toHaveBeenCalled();
  });
});

describe('nextStep (the retry policy)', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const at = (seconds: number) => now.getTime() + seconds * 1000;
  const error = (status: number, code: string, headers: Record<string, string> = {}, retryAfter?: number) =>
    new ApiError({ status, code, message: code, headers, retryAfter });

  it('waits for Retry-After, else the body, else X-RateLimit-Reset on a 429', () => {
    const reset = String(Math.floor(now.getTime() / 1000) + 40);
    expect(nextStep(error(429, 'RATE_LIMIT_EXCEEDED', { 'retry-after': '12' }), 1, now)).toEqual({
      kind: 'wait',
      reason: 'rate-limit',
      retryAt: at(12),
      nextAttempt: 2,
    });
    expect(nextStep(error(429, 'RATE_LIMIT_EXCEEDED', {}, 7), 1, now)).toMatchObject({ retryAt: at(7) });
    expect(nextStep(error(429, 'RATE_LIMIT_EXCEEDED', { 'x-ratelimit-reset': reset }), 1, now)).toMatchObject({
      retryAt: at(40),
    });
    // A reset already past (clock skew) still waits a moment rather than looping.
    expect(nextStep(error(429, 'RATE_LIMIT_EXCEEDED', { 'retry-after': '0' }), 1, now)).toMatchObject({
      retryAt: at(1),
    });
  });

  it('backs off 1 s, then 2 s, and gives up after the third try', () => {
    const unavailable = error(503, 'SERVICE_UNAVAILABLE');
    expect(nextStep(unavailable, 1, now)).toEqual({ kind: 'wait', reason: 'backoff', retryAt: at(1), nextAttempt: 2 });
    expect(nextStep(unavailable, 2, now)).toEqual({ kind: 'wait', reason: 'backoff', retryAt: at(2), nextAttempt: 3 });
    expect(nextStep(unavailable, 3, now)).toEqual({ kind: 'fail' });
    expect(nextStep(error(429, 'RATE_LIMIT_EXCEEDED', { 'retry-after': '1' }), 3, now)).toEqual({ kind: 'fail' });
  });

  it('takes a 5xx Retry-After over the schedule, and retries an unreachable API', () => {
    expect(nextStep(error(502, 'BAD_GATEWAY', { 'retry-after': '9' }), 1, now)).toMatchObject({ retryAt: at(9) });
    expect(nextStep(error(504, 'TIMEOUT'), 1, now)).toMatchObject({ kind: 'wait', reason: 'backoff' });
    expect(nextStep(error(0, 'NETWORK_UNREACHABLE'), 1, now)).toMatchObject({ kind: 'wait', reason: 'backoff' });
  });

  it.each([
    [400, 'INVALID_REQUEST'],
    [401, 'INVALID_API_KEY'],
    [402, 'INSUFFICIENT_CREDITS'],
    [403, 'BLOCKED_BY_ANTIBOT'],
    [404, 'NOT_FOUND'],
    [409, 'WEBHOOK_ALREADY_EXISTS'],
    [413, 'CONTENT_TOO_LARGE'],
    [415, 'UNSUPPORTED_CONTENT_TYPE'],
    [422, 'EXTRACTION_FAILED'],
    [429, 'SESSION_LIMIT_REACHED'],
  ])('never resends a %i %s by itself', (status, code) => {
    expect(nextStep(error(status, code), 1, now)).toEqual({ kind: 'fail' });
  });
});
