import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  advance,
  failure,
  ok,
  panel,
  recorded,
  renderPage,
  scrapeAnswers,
  setUpScrapeRunTests,
} from '../../support/scrape-run';

setUpScrapeRunTests();

describe('scrape run', () => {
  it('waits out a 429 with a countdown and no way to send before the reset, then retries by itself', async () => {
    const bodies = scrapeAnswers(failure(429, 'RATE_LIMIT_EXCEEDED', { 'Retry-After': '2' }), ok());
    const { run } = renderPage();
    await run();

    expect(await screen.findByText('Rate limited: retrying in 2 s')).toBeInTheDocument();
    expect(within(panel()).queryByRole('button', { name: /retry|try again/i })).not.toBeInTheDocument();
    await advance(1_000);
    expect(await screen.findByText('Rate limited: retrying in 1 s')).toBeInTheDocument();
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

  it('sends at once on "Retry now" during a server error\'s back-off', async () => {
    const bodies = scrapeAnswers(failure(503, 'SERVICE_UNAVAILABLE'), ok());
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

    const card = await screen.findByTestId('guidance-card');
    expect(card).toHaveTextContent('SERVICE_UNAVAILABLE · HTTP 503');
    expect(card).toHaveTextContent('The dashboard already sent it 3 times (2 automatic retries).');
    await advance(30_000);
    expect(bodies).toHaveLength(3);
    expect(recorded()).toHaveLength(1);
  });

  it('never retries a 400', async () => {
    const bodies = scrapeAnswers(failure(400, 'INVALID_REQUEST'));
    const { run } = renderPage();
    await run();
    const card = await screen.findByTestId('guidance-card');
    expect(card).toHaveTextContent('INVALID_REQUEST · HTTP 400');
    expect(card).not.toHaveTextContent(/already sent it/);
    // The card says the same request fails the same way: it offers no "Try again".
    expect(within(card).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await advance(30_000);
    expect(bodies).toHaveLength(1);
  });

  it('names a slow target for what it is while backing off, never a server error', async () => {
    scrapeAnswers(failure(504, 'TIMEOUT'), ok());
    const { run } = renderPage();
    await run();
    expect(await screen.findByText('Scrape timed out: try 2 of 3 in 1 s')).toBeInTheDocument();
    expect(panel()).not.toHaveTextContent(/server error/i);
  });

  it('after a 429 gives up, keeps "Try again" disabled until the reset', async () => {
    const bodies = scrapeAnswers(failure(429, 'RATE_LIMIT_EXCEEDED', { 'Retry-After': '5' }));
    const { run } = renderPage();
    await run();
    for (let wait = 0; wait < 2; wait += 1) {
      await screen.findByText(/Rate limited: retrying in/);
      await advance(5_100);
    }
    const card = await screen.findByTestId('guidance-card');
    expect(bodies).toHaveLength(3);
    expect(within(card).getByRole('button', { name: /Try again/ })).toBeDisabled();
    // The countdown ticks in whole seconds: one more than the wait is past the reset whatever the phase.
    await advance(6_100);
    expect(within(card).getByRole('button', { name: 'Try again' })).toBeEnabled();
  });
});
