import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JOB_POLL_MS } from '../../../src/api/jobs';
import { envelope } from '../../support/msw/fixtures';
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
});
