import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOB_POLL_MS } from '../../../src/api/jobs';
import { rateLimitHeaders, requestLogFixture } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import {
  advance,
  jobAnswers,
  jobFixture,
  ok,
  panel,
  recorded,
  renderPage,
  REQUEST,
  scrapeAnswers,
  scrapeResultFixture,
  setUpScrapeRunTests,
} from '../../support/scrape-run';

setUpScrapeRunTests();

// jsdom lays nothing out: the test sees that the page asked for the panel to be scrolled into view.
const scrollIntoView = vi.fn();
beforeEach(() => {
  scrollIntoView.mockClear();
  Element.prototype.scrollIntoView = scrollIntoView;
});
afterEach(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

describe('scrape run: in view, and kept across a reload', () => {
  it('brings the panel into view and moves focus to it when a run starts', async () => {
    scrapeAnswers(ok());
    const { run } = renderPage();
    await run();
    const heading = within(panel()).getByRole('heading', { name: 'Result' });
    expect(heading).toHaveFocus();
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(scrollIntoView.mock.contexts[0]).toBe(panel());
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    expect(panel()).toContainElement(document.activeElement as HTMLElement);
  });

  it('runs on Ctrl-Enter and on Cmd-Enter from anywhere on the page', async () => {
    const bodies = scrapeAnswers(ok());
    const { user } = renderPage();
    const field = await screen.findByLabelText('URL to scrape', {}, { timeout: 5_000 });
    await user.type(field, REQUEST.url);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    expect(bodies).toEqual([REQUEST]);
    fireEvent.keyDown(document.body, { key: 'Enter', metaKey: true });
    await waitFor(() => expect(bodies).toHaveLength(2));
  });

  it('resumes an async job after the page is opened again, and records it once done', async () => {
    scrapeAnswers({ accepted: 'job_7' });
    const polls = jobAnswers(jobFixture('queued', { job_id: 'job_7' }));
    const first = renderPage();
    await first.run();
    await within(panel()).findByRole('list', { name: 'Job progress' });
    await waitFor(() => expect(panel()).toHaveTextContent('Job job_7: queued'));
    const stored = sessionStorage.getItem('scrape-dashboard.scrape-run') ?? '';
    expect(JSON.parse(stored)).toMatchObject({ kind: 'job', jobId: 'job_7', request: REQUEST });

    // A reload: the page goes away and comes back in the same tab.
    first.unmount();
    cleanup();
    jobAnswers(
      jobFixture('processing', { job_id: 'job_7' }),
      jobFixture('succeeded', { job_id: 'job_7', result: scrapeResultFixture() }),
    );
    renderPage();
    await screen.findByRole('list', { name: 'Job progress' }, { timeout: 5_000 });
    await waitFor(() => expect(panel()).toHaveTextContent('Job job_7: processing'));
    await advance(JOB_POLL_MS);
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    expect(recorded()).toHaveLength(1);
    expect(sessionStorage.getItem('scrape-dashboard.scrape-run')).toBeNull();
    expect(polls.count).toBeGreaterThanOrEqual(1);
  });

  it('keeps no cookie of the run in storage', async () => {
    scrapeAnswers({ accepted: 'job_8' });
    jobAnswers(jobFixture('queued', { job_id: 'job_8' }));
    const { user } = renderPage();
    const field = await screen.findByLabelText('URL to scrape', {}, { timeout: 5_000 });
    await user.type(field, REQUEST.url);
    await user.click(screen.getByRole('button', { name: 'Add a cookie' }));
    await user.type(screen.getByLabelText('Cookie 1 Name'), 'sid');
    await user.type(screen.getByLabelText('Cookie 1 Value'), 'secret-value');
    await user.click(screen.getByRole('button', { name: 'Run scrape' }));
    await within(panel()).findByRole('list', { name: 'Job progress' });
    const stored = sessionStorage.getItem('scrape-dashboard.scrape-run') ?? '';
    expect(JSON.parse(stored)).toMatchObject({ jobId: 'job_8', request: { url: REQUEST.url } });
    expect(stored).not.toContain('secret-value');
    expect(stored).not.toContain('sid');
  });

  it('says a sync run was cut off by a reload, and finds it in the request log', async () => {
    let answer: (() => void) | undefined;
    server.use(
      api.post(
        '/scrape',
        () =>
          new Promise<Response>((resolve) => {
            answer = () => resolve(HttpResponse.json(scrapeResultFixture(), { headers: rateLimitHeaders(90) }));
          }),
      ),
    );
    const first = renderPage();
    await first.run();
    await within(panel()).findByText(/Scraping…/);
    first.unmount();
    cleanup();
    answer?.();

    const logged = requestLogFixture([
      {
        path: '/api/v1/scrape',
        method: 'POST',
        status: 504,
        code: 'TIMEOUT',
        url: REQUEST.url,
        domain: 'example.com',
        credits_charged: 5,
        credits_refunded: 5,
        at: new Date().toISOString(),
      },
    ]);
    server.use(api.get('/requests', () => HttpResponse.json(logged, { headers: rateLimitHeaders(90) })));
    renderPage();
    const notice = await screen.findByTestId('cut-off-notice', {}, { timeout: 5_000 });
    expect(notice).toHaveTextContent(`The run of ${REQUEST.url} started at`);
    expect(notice).toHaveTextContent('was cut off');
    expect(await within(notice).findByRole('link', { name: 'TIMEOUT' })).toHaveAttribute(
      'href',
      '/errors/TIMEOUT?status=504',
    );
    const id = logged.requests[0]?.request_id ?? '';
    expect(notice).toHaveTextContent(`request ${id}: HTTP 504 TIMEOUT, 5 credits charged, 5 credits refunded.`);
    expect(within(notice).getByRole('link', { name: id })).toHaveAttribute('href', `/triage/requests/${id}`);
    // Said once: a second reload starts afresh.
    expect(sessionStorage.getItem('scrape-dashboard.scrape-run')).toBeNull();
    await act(async () => undefined);
  });
});
