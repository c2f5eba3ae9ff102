import { act, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { JOB_POLL_MS } from '../../../src/api/jobs';
import { envelope, rateLimitHeaders } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import {
  advance,
  failure,
  jobAnswers,
  jobFixture,
  panel,
  recorded,
  renderPage,
  scrapeAnswers,
  scrapeResultFixture,
  setUpScrapeRunTests,
} from '../../support/scrape-run';

setUpScrapeRunTests();

describe('scrape run', () => {
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
    await advance(JOB_POLL_MS);
    expect(await within(panel()).findByText(/: processing/)).toHaveTextContent('Job job_1: processing');
    expect(progress).toHaveTextContent('2. Processing (current)');
    await advance(JOB_POLL_MS);
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    expect(polls.count).toBe(3);
    await advance(5_000);
    expect(polls.count).toBe(3);
    expect(recorded()).toHaveLength(1);
  });

  it('shows a failed job with the guidance for its error', async () => {
    scrapeAnswers({ accepted: 'job_1' });
    const failed = envelope('TIMEOUT', 'Too slow', { billing: { refunded: true, refunded_credits: 5 } });
    jobAnswers(jobFixture('failed', { error: 'TIMEOUT: Too slow', failure: failed }));
    const { run } = renderPage();
    await run();
    expect(await screen.findByTestId('guidance-card')).toHaveTextContent('TIMEOUT · HTTP 504');
    expect(recorded()[0]?.outcome).toMatchObject({ ok: false, status: 504, code: 'TIMEOUT' });
  });

  it('waits out a rate-limited poll, as retryDecision says, and polls on to the result', async () => {
    scrapeAnswers({ accepted: 'job_1' });
    const polls = jobAnswers(
      failure(429, 'RATE_LIMIT_EXCEEDED', { 'Retry-After': '5' }),
      jobFixture('succeeded', { result: scrapeResultFixture() }),
    );
    const { run } = renderPage();
    await run();
    await screen.findByRole('list', { name: 'Job progress' });
    await waitFor(() => expect(polls.count).toBe(1));
    await advance(4_000);
    expect(polls.count).toBe(1);
    expect(screen.queryByTestId('guidance-card')).not.toBeInTheDocument();
    await advance(1_500);
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    expect(polls.count).toBe(2);
    expect(recorded()).toHaveLength(1);
  });

  it('stops polling when the page goes away', async () => {
    scrapeAnswers({ accepted: 'job_1' });
    const polls = jobAnswers(jobFixture('queued'));
    const { run, router } = renderPage();
    await run();
    await screen.findByRole('list', { name: 'Job progress' });
    await advance(JOB_POLL_MS);
    const seen = polls.count;
    expect(seen).toBeGreaterThanOrEqual(1);
    await act(() => router.navigate({ to: '/errors' }));
    expect(await screen.findByRole('heading', { level: 1, name: /error/i })).toBeInTheDocument();
    await advance(5_000);
    expect(polls.count).toBe(seen);
    expect(recorded()).toHaveLength(0);
  });

  it('pauses its status checks while little of the minute is left, checks on request, and resumes after the reset', async () => {
    scrapeAnswers({ accepted: 'job_1' });
    const reset = Math.floor(Date.now() / 1000) + 30;
    // 10 of 100 calls left until the reset (under a fifth), then a new minute once it has passed.
    const lowHeaders = (remaining: number) => ({ ...rateLimitHeaders(remaining), 'X-RateLimit-Reset': String(reset) });
    let polls = 0;
    server.use(
      api.get('/jobs/:id', () => {
        polls += 1;
        if (Date.now() / 1000 < reset)
          return HttpResponse.json(jobFixture('queued'), { headers: lowHeaders(11 - polls) });
        const done = jobFixture('succeeded', { result: scrapeResultFixture() });
        return HttpResponse.json(done, { headers: rateLimitHeaders(99) });
      }),
    );
    const { run, user } = renderPage();
    await run();

    const paused = await within(panel()).findByText(/Status checks paused by themselves/);
    expect(paused).toHaveTextContent(
      /under 20 % of this minute’s calls are left for the key\. They resume after the reset, in \d+ s\./,
    );
    expect(polls).toBe(1);
    await advance(JOB_POLL_MS * 5);
    expect(polls).toBe(1);

    await user.click(within(panel()).getByRole('button', { name: 'Check now (one call)' }));
    await waitFor(() => expect(polls).toBe(2));
    expect(within(panel()).getByText(/Status checks paused by themselves/)).toBeInTheDocument();

    await advance(30_000);
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    expect(polls).toBe(3);
    expect(recorded()).toHaveLength(1);
  });
});
